// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IComplianceRegistry} from "./interfaces/IComplianceRegistry.sol";
import {IShareCheckpoint} from "./interfaces/IShareCheckpoint.sol";

/// @title Transfer-restricted fractional shares of one compute asset (ERC-20, 18 decimals).
/// @notice Every balance change (mint, transfer, burn) requires both sides to be verified in the
/// compliance registry, and is reported to the asset's revenue distributor in the same `_update`,
/// so revenue entitlement follows the shares exactly.
///
/// Deployed only as an EIP-1167 minimal proxy (clone) by the asset registry, in the transaction
/// that registers the asset. What all clones share (registry, compliance registry) is an immutable
/// of the implementation; what is per asset (asset id, issuer) is carried in the clone's code as
/// immutable arguments. Neither costs a storage read. The
/// registry binds the distributor once, before any share exists, then issues the initial supply.
///
/// The supply is issued once: by the registry in the registering transaction, or, for an asset
/// registered without holders, by one `issue` of the issuer (the registrar that registered the
/// asset) while the supply is zero. Once shares exist nobody can mint more, so no holder's part of
/// future income can be diluted without its consent (a holder consents by selling). The issuer
/// may burn a holder's shares only through `complianceBurn`, which names a reason code and emits
/// `ComplianceBurn`: there is no silent forced burn or transfer. Revenue a holder accrued before a
/// burn stays claimable by that holder.
contract AssetShareToken is ERC20 {
    /// @notice `amount` shares of `holder` were burned by the issuer for `reason`.
    event ComplianceBurn(address indexed holder, uint256 amount, bytes32 indexed reason, address indexed issuer);
    /// @notice The distributor was bound.
    event DistributorSet(address indexed distributor);

    /// @notice `account` is not a verified holder.
    error NotVerified(address account);
    /// @notice The distributor can be bound only once, by the registry, before any share exists.
    error DistributorLocked();
    /// @notice Caller may not do this.
    error Unauthorized(address caller);
    /// @notice A compliance burn must name a reason.
    error MissingReason();
    /// @notice Shares exist already: the supply is fixed once issued.
    error SupplyFixed(uint256 totalSupply);
    /// @notice Holders and amounts differ in length, are empty, or an amount is zero.
    error InvalidIssue();

    /// @notice The revenue distributor notified on every balance change (bound once).
    address public distributor;

    /// @dev The asset registry, the same for every clone of this implementation (code, not storage).
    address private immutable _registry;
    /// @dev The holder allowlist, the same for every clone of this implementation.
    IComplianceRegistry private immutable _compliance;

    /// @dev Created by the asset registry; the implementation is never used directly (its own
    /// clone arguments are empty, so it has no asset and no issuer).
    constructor(address registry_, IComplianceRegistry compliance_) ERC20("", "") {
        _registry = registry_;
        _compliance = compliance_;
    }

    /// @notice The asset registry that created this token.
    function registry() public view returns (address) {
        return _registry;
    }

    /// @notice The registry asset these shares are fractions of.
    function assetId() public view returns (uint256 id) {
        (id,) = _args();
    }

    /// @notice The holder allowlist consulted on every balance change.
    function compliance() public view returns (IComplianceRegistry) {
        return _compliance;
    }

    /// @notice The account that may mint and compliance-burn.
    function issuer() public view returns (address i) {
        (, i) = _args();
    }

    /// @notice "ComputeRWA asset <id> shares".
    function name() public view override returns (string memory) {
        return string.concat("ComputeRWA asset ", Strings.toString(assetId()), " shares");
    }

    /// @notice "CRWA<id>".
    function symbol() public view override returns (string memory) {
        return string.concat("CRWA", Strings.toString(assetId()));
    }

    /// @notice Binds the revenue distributor; the registry only, once, while the supply is zero.
    function bindDistributor(address distributor_) external {
        if (msg.sender != _registry) revert Unauthorized(msg.sender);
        if (distributor != address(0) || totalSupply() != 0 || distributor_ == address(0)) revert DistributorLocked();
        distributor = distributor_;
        emit DistributorSet(distributor_);
    }

    /// @notice Issues the whole supply at once: `amounts[i]` shares to each verified holder
    /// `holders[i]`; the issuer or the registry, only while no share exists.
    function issue(address[] calldata holders, uint256[] calldata amounts) external {
        if (msg.sender != _registry && msg.sender != issuer()) revert Unauthorized(msg.sender);
        uint256 supply = totalSupply();
        if (supply != 0) revert SupplyFixed(supply);
        if (holders.length == 0 || holders.length != amounts.length) revert InvalidIssue();
        for (uint256 i = 0; i < holders.length; ++i) {
            if (amounts[i] == 0) revert InvalidIssue();
            _mint(holders[i], amounts[i]);
        }
    }

    /// @notice Burns `amount` shares of `holder` as a compliance action (court order, sanctions,
    /// redemption); issuer only, with a non-zero reason code, always evented.
    function complianceBurn(address holder, uint256 amount, bytes32 reason) external {
        if (msg.sender != issuer()) revert Unauthorized(msg.sender);
        if (reason == bytes32(0)) revert MissingReason();
        _burn(holder, amount);
        emit ComplianceBurn(holder, amount, reason, msg.sender);
    }

    /// @dev The compliance check and the distributor checkpoint, for every balance change.
    function _update(address from, address to, uint256 value) internal override {
        (bool fromOk, bool toOk) = _compliance.verifiedPair(from, to);
        if (!fromOk) revert NotVerified(from);
        if (!toOk) revert NotVerified(to);
        super._update(from, to, value);
        address d = distributor;
        if (d != address(0)) {
            IShareCheckpoint(d).onShareTransfer(from, to, value);
        }
    }

    function _args() private view returns (uint256 id, address i) {
        bytes memory a = Clones.fetchCloneArgs(address(this));
        if (a.length != 52) return (0, address(0));
        // abi.encodePacked(uint256 assetId, address issuer)
        assembly ("memory-safe") {
            id := mload(add(a, 32))
            i := shr(96, mload(add(a, 64)))
        }
    }
}
