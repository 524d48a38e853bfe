// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IERC4907} from "./interfaces/IERC4907.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {AssetShareToken} from "./AssetShareToken.sol";
import {IComplianceRegistry} from "./interfaces/IComplianceRegistry.sol";

/// @title Registry of physical compute assets: one ERC-721 token per asset.
/// @notice A REGISTRAR_ROLE account registers an asset in one transaction: it mints the asset's
/// token to the operator (spec hash, kind, capacity), creates its share token (which is also its
/// revenue distributor) as an EIP-1167 clone (per-asset values as immutable arguments), and issues
/// the initial shares to verified holders; all of it happens or none. The share supply is fixed once issued (see
/// `AssetShareToken`): registering with holders issues it in the same transaction. A spec hash can be registered once only, so one
/// physical asset never gets two tokens. The lease manager is bound once by the admin and cannot
/// be changed or revoked afterwards: it alone sets ERC-4907 users and feeds the share tokens'
/// income streams, so no later role change can freeze leases or redirect income.
///
/// Payout float: the registry may hold payout tokens (anyone may send them; the SDK's deployer
/// funds it when asked). Each registration moves ONE base unit of it into the new share token, so
/// that the stablecoin's balance slot of the share token exists before the first deposit (the
/// first deposit then costs what every later one costs). The unit is surplus of the share token:
/// no holder's entitlement counts it, and it never leaves the float any other way. With an empty
/// float (or a payout token that refuses the transfer) the registration still succeeds and emits
/// `PayoutBalanceNotSeeded`; only the asset's first deposit then pays for that slot.
/// @dev Deviation from the ERC-4907 reference: a change of owner does NOT clear the user. A lease
/// is a commitment of the asset, and it survives a sale of the asset.
contract ComputeAssetRegistry is ERC721, AccessControl, IComputeAssetRegistry, IERC4907 {
    using SafeERC20 for IERC20;

    /// @notice May register assets (and is the issuer of their shares).
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");

    /// @notice The share token implementation every asset's share token clones.
    address public immutable shareTokenImplementation;
    /// @notice The holder allowlist of every share token.
    address public immutable compliance;
    /// @notice The token every distributor pays out (the lease payment stablecoin).
    address public immutable payoutToken;
    /// @notice The lease manager, bound once; address(0) until then.
    address public leaseManager;

    struct Asset {
        bytes32 specHash;
        bytes32 kind;
        uint64 capacity;
        address shareToken;
    }

    struct UserInfo {
        address user;
        uint64 expires;
    }

    uint256 private _nextId = 1;
    mapping(uint256 assetId => Asset) private _assets;
    mapping(bytes32 specHash => uint256 assetId) private _bySpec;
    mapping(uint256 assetId => UserInfo) private _users;

    /// @notice A new asset token was minted to `operator`.
    event AssetRegistered(
        uint256 indexed assetId, address indexed operator, bytes32 indexed specHash, bytes32 kind, uint64 capacity
    );
    /// @notice The asset's share token was created; it is its own revenue distributor, so both
    /// addresses are the same (the event keeps both for readers of the two-contract layout).
    event SharesAttached(uint256 indexed assetId, address shareToken, address distributor);
    /// @notice The registry's payout float could not give the new share token its first base unit
    /// (empty float, or the payout token refused): its first deposit writes that balance slot.
    event PayoutBalanceNotSeeded(uint256 indexed assetId, address shareToken);
    /// @notice The lease manager was bound.
    event LeaseManagerBound(address indexed leaseManager);

    /// @notice The spec hash is zero.
    error ZeroSpecHash();
    /// @notice The capacity is zero.
    error ZeroCapacity();
    /// @notice An asset with this spec hash exists already.
    error DuplicateSpecHash(bytes32 specHash, uint256 existingAssetId);
    /// @notice address(0) where an account is required.
    error ZeroAddress();
    /// @notice Holders and amounts differ in length, or an amount is zero.
    error InvalidShares();
    /// @notice The lease manager is bound already.
    error LeaseManagerLocked();
    /// @notice Only the bound lease manager may do this.
    error NotLeaseManager(address caller);

    /// @param admin receives DEFAULT_ADMIN_ROLE and REGISTRAR_ROLE
    /// @param compliance_ the holder allowlist of the share tokens
    /// @param payoutToken_ the token the distributors pay out
    constructor(address admin, address compliance_, address payoutToken_) ERC721("ComputeRWA Asset", "CRWA") {
        if (admin == address(0) || compliance_ == address(0) || payoutToken_ == address(0)) revert ZeroAddress();
        compliance = compliance_;
        payoutToken = payoutToken_;
        shareTokenImplementation =
            address(new AssetShareToken(address(this), IComplianceRegistry(compliance_), payoutToken_));
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
    }

    /// @notice Binds the lease manager; admin only, once.
    function bindLeaseManager(address leaseManager_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (leaseManager_ == address(0)) revert ZeroAddress();
        if (leaseManager != address(0)) revert LeaseManagerLocked();
        leaseManager = leaseManager_;
        emit LeaseManagerBound(leaseManager_);
    }

    /// @notice Registers a physical asset in one transaction: mints its token to `operator`,
    /// creates its share token (its own revenue distributor), and issues `amounts[i]` shares to `holders[i]`
    /// (each must be verified in the compliance registry). The caller is the shares' issuer.
    /// @param specHash keccak-256 of the asset's canonical JSON spec (as sdk-core computes it)
    /// @param kind the asset kind as a left-aligned ASCII short string: sdk-core's AssetKind name (e.g. "GPU_NODE")
    /// @param capacity the capacity in the asset's own units, > 0
    /// @return assetId the new token id (ids count up from 1)
    function register(
        address operator,
        bytes32 specHash,
        bytes32 kind,
        uint64 capacity,
        address[] calldata holders,
        uint256[] calldata amounts
    ) external onlyRole(REGISTRAR_ROLE) returns (uint256 assetId) {
        if (operator == address(0)) revert ZeroAddress();
        if (specHash == bytes32(0)) revert ZeroSpecHash();
        if (capacity == 0) revert ZeroCapacity();
        if (holders.length != amounts.length) revert InvalidShares();
        for (uint256 i = 0; i < amounts.length; ++i) {
            if (amounts[i] == 0) revert InvalidShares();
        }
        uint256 existing = _bySpec[specHash];
        if (existing != 0) revert DuplicateSpecHash(specHash, existing);
        assetId = _nextId++;
        // The lease manager, once bound, rides in the clone's code so that the share token checks
        // its stream callers without a call back here (address(0) before binding: it asks).
        address share = Clones.cloneWithImmutableArgs(
            shareTokenImplementation, abi.encodePacked(assetId, msg.sender, leaseManager)
        );
        _assets[assetId] = Asset(specHash, kind, capacity, share);
        _bySpec[specHash] = assetId;
        _safeMint(operator, assetId);
        emit AssetRegistered(assetId, operator, specHash, kind, capacity);
        // Pre-written storage: the asset's first lease then pays no fresh slot for its stream
        // or its ERC-4907 user (expiry 1, long past, reads as no user), and its first deposit none
        // for the share token's payout balance (one base unit of the float, see the contract notice;
        // a refusal must not block registering, so it is reported, not reverted).
        AssetShareToken(share).prepareStreams(1);
        _users[assetId] = UserInfo(address(0), 1);
        if (!IERC20(payoutToken).trySafeTransfer(share, 1)) emit PayoutBalanceNotSeeded(assetId, share);
        emit SharesAttached(assetId, share, share);
        if (holders.length != 0) AssetShareToken(share).issue(holders, amounts);
    }

    /// @inheritdoc IComputeAssetRegistry
    function ownerOf(uint256 assetId) public view override(ERC721, IComputeAssetRegistry) returns (address) {
        return super.ownerOf(assetId);
    }

    /// @inheritdoc IComputeAssetRegistry
    function capacityOf(uint256 assetId) external view returns (uint64) {
        _requireOwned(assetId);
        return _assets[assetId].capacity;
    }

    /// @inheritdoc IComputeAssetRegistry
    function specHashOf(uint256 assetId) external view returns (bytes32) {
        _requireOwned(assetId);
        return _assets[assetId].specHash;
    }

    /// @notice The asset kind as registered.
    function kindOf(uint256 assetId) external view returns (bytes32) {
        _requireOwned(assetId);
        return _assets[assetId].kind;
    }

    /// @notice The asset registered with `specHash`, or 0 when none is.
    function assetBySpecHash(bytes32 specHash) external view returns (uint256) {
        return _bySpec[specHash];
    }

    /// @notice Number of assets registered so far.
    function assetCount() external view returns (uint256) {
        return _nextId - 1;
    }

    /// @inheritdoc IComputeAssetRegistry
    function shareTokenOf(uint256 assetId) external view returns (address) {
        _requireOwned(assetId);
        return _assets[assetId].shareToken;
    }

    /// @inheritdoc IComputeAssetRegistry
    /// @dev The share token itself: it is the asset's revenue distributor.
    function distributorOf(uint256 assetId) external view returns (address) {
        _requireOwned(assetId);
        return _assets[assetId].shareToken;
    }

    /// @inheritdoc IComputeAssetRegistry
    function ownerAndShareToken(uint256 assetId) external view returns (address owner, address shareToken) {
        owner = _requireOwned(assetId);
        shareToken = _assets[assetId].shareToken;
    }

    /// @inheritdoc IComputeAssetRegistry
    function onLeaseAccepted(uint256 assetId, address user, uint64 expires)
        external
        returns (address owner, address shareToken)
    {
        if (msg.sender != leaseManager) revert NotLeaseManager(msg.sender);
        owner = _requireOwned(assetId);
        shareToken = _assets[assetId].shareToken;
        UserInfo memory info = _users[assetId];
        if (uint256(info.expires) >= block.timestamp && info.user != address(0)) return (owner, shareToken);
        _users[assetId] = UserInfo(user, expires);
        emit UpdateUser(assetId, user, expires);
    }

    /// @inheritdoc IComputeAssetRegistry
    function setUser(uint256 assetId, address user, uint64 expires)
        external
        override(IComputeAssetRegistry, IERC4907)
    {
        if (msg.sender != leaseManager) revert NotLeaseManager(msg.sender);
        _requireOwned(assetId);
        _users[assetId] = UserInfo(user, expires);
        emit UpdateUser(assetId, user, expires);
    }

    /// @inheritdoc IComputeAssetRegistry
    /// @dev The user stays valid up to and including the second `expires`.
    function userOf(uint256 assetId) external view override(IComputeAssetRegistry, IERC4907) returns (address) {
        UserInfo memory info = _users[assetId];
        return uint256(info.expires) >= block.timestamp ? info.user : address(0);
    }

    /// @inheritdoc IComputeAssetRegistry
    function userExpires(uint256 assetId) external view override(IComputeAssetRegistry, IERC4907) returns (uint256) {
        return _users[assetId].expires;
    }

    /// @notice ERC-165: ERC-721, ERC-4907 and AccessControl.
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return interfaceId == type(IERC4907).interfaceId || super.supportsInterface(interfaceId);
    }
}
