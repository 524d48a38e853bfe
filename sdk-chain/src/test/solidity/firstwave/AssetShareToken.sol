// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IComplianceRegistry} from "./interfaces/IComplianceRegistry.sol";
import {IShareCheckpoint} from "./interfaces/IShareCheckpoint.sol";

/// @title Transfer-restricted fractional shares of one compute asset (ERC-20, 18 decimals).
/// @notice Every balance change (mint, transfer, burn) requires both sides to be verified in the
/// compliance registry, and is reported to the asset's revenue distributor in the same `_update`,
/// so revenue entitlement follows the shares exactly. ISSUER_ROLE mints and burns.
contract AssetShareToken is ERC20, AccessControl {
    /// @notice May mint and burn shares.
    bytes32 public constant ISSUER_ROLE = keccak256("ISSUER_ROLE");

    /// @notice The asset registry that holds the asset.
    address public immutable registry;
    /// @notice The registry asset these shares are fractions of.
    uint256 public immutable assetId;
    /// @notice The holder allowlist consulted on every balance change.
    IComplianceRegistry public immutable compliance;
    /// @notice The revenue distributor notified on every balance change (set once).
    address public distributor;

    /// @notice The distributor was set.
    event DistributorSet(address indexed distributor);

    /// @notice `account` is not a verified holder.
    error NotVerified(address account);
    /// @notice The distributor can be set only once, and only before any share exists.
    error DistributorLocked();
    /// @notice The distributor serves another share token.
    error DistributorMismatch(address distributor);
    /// @notice address(0) where an account is required.
    error ZeroAddress();

    /// @param admin receives DEFAULT_ADMIN_ROLE and ISSUER_ROLE
    constructor(
        string memory name_,
        string memory symbol_,
        address registry_,
        uint256 assetId_,
        IComplianceRegistry compliance_,
        address admin
    ) ERC20(name_, symbol_) {
        if (admin == address(0) || address(compliance_) == address(0) || registry_ == address(0)) {
            revert ZeroAddress();
        }
        registry = registry_;
        assetId = assetId_;
        compliance = compliance_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ISSUER_ROLE, admin);
    }

    /// @notice Sets the revenue distributor; once, and while the supply is zero, so that the
    /// distributor has seen every share since the first.
    function setDistributor(address distributor_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (distributor_ == address(0)) revert ZeroAddress();
        if (distributor != address(0) || totalSupply() != 0) revert DistributorLocked();
        (bool ok, bytes memory data) = distributor_.staticcall(abi.encodeWithSignature("shareToken()"));
        if (!ok || data.length != 32 || abi.decode(data, (address)) != address(this)) {
            revert DistributorMismatch(distributor_);
        }
        distributor = distributor_;
        emit DistributorSet(distributor_);
    }

    /// @notice Issues `amount` shares to the verified holder `to`.
    function mint(address to, uint256 amount) external onlyRole(ISSUER_ROLE) {
        _mint(to, amount);
    }

    /// @notice Redeems `amount` shares of the verified holder `from`.
    function burn(address from, uint256 amount) external onlyRole(ISSUER_ROLE) {
        _burn(from, amount);
    }

    /// @dev The compliance check and the distributor checkpoint, for every balance change.
    function _update(address from, address to, uint256 value) internal override {
        (bool fromOk, bool toOk) = compliance.verifiedPair(from, to);
        if (!fromOk) revert NotVerified(from);
        if (!toOk) revert NotVerified(to);
        super._update(from, to, value);
        address d = distributor;
        if (d != address(0)) {
            IShareCheckpoint(d).onShareTransfer(from, to, value);
        }
    }
}
