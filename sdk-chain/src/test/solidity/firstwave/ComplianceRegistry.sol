// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IComplianceRegistry} from "./interfaces/IComplianceRegistry.sol";

/// @title Verified holders of compute-asset shares.
/// @notice Accounts with COMPLIANCE_ROLE (a KYC/KYB desk) mark holders verified or revoke them.
/// Share tokens refuse any mint, transfer or burn that touches an unverified account.
contract ComplianceRegistry is AccessControl, IComplianceRegistry {
    /// @notice May verify and revoke holders.
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");

    mapping(address account => bool) private _verified;

    /// @notice A holder was verified (true) or revoked (false).
    event HolderVerified(address indexed account, bool verified);

    /// @notice address(0) cannot be a holder.
    error ZeroAddress();

    /// @param admin receives DEFAULT_ADMIN_ROLE and COMPLIANCE_ROLE
    constructor(address admin) {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(COMPLIANCE_ROLE, admin);
    }

    /// @notice Marks `account` verified or revokes it.
    function setVerified(address account, bool verified) external onlyRole(COMPLIANCE_ROLE) {
        _set(account, verified);
    }

    /// @notice Marks every account in `accounts` verified or revokes them all.
    function setVerifiedBatch(address[] calldata accounts, bool verified) external onlyRole(COMPLIANCE_ROLE) {
        for (uint256 i = 0; i < accounts.length; i++) {
            _set(accounts[i], verified);
        }
    }

    /// @inheritdoc IComplianceRegistry
    function isVerified(address account) external view returns (bool) {
        return _verified[account];
    }

    /// @inheritdoc IComplianceRegistry
    function verifiedPair(address from, address to) external view returns (bool fromOk, bool toOk) {
        fromOk = from == address(0) || _verified[from];
        toOk = to == address(0) || _verified[to];
    }

    function _set(address account, bool verified) private {
        if (account == address(0)) revert ZeroAddress();
        _verified[account] = verified;
        emit HolderVerified(account, verified);
    }
}
