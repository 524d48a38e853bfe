// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IERC4907} from "./interfaces/IERC4907.sol";

/// @dev What the registry checks when shares are attached to an asset.
interface IAttachableShareToken {
    function registry() external view returns (address);
    function assetId() external view returns (uint256);
    function distributor() external view returns (address);
}

/// @dev What the registry checks of a distributor when shares are attached.
interface IAttachableDistributor {
    function shareToken() external view returns (address);
}

/// @title Registry of physical compute assets: one ERC-721 token per asset.
/// @notice A REGISTRAR_ROLE account registers an asset (its spec hash, kind and capacity) and
/// mints its token to the operator, who owns it. The lease manager (LEASE_MANAGER_ROLE) sets the
/// ERC-4907 user while the asset is leased. A spec hash can be registered once only, so one
/// physical asset never gets two tokens.
/// @dev Deviation from the ERC-4907 reference: a change of owner does NOT clear the user. A lease
/// is a commitment of the asset, and it survives a sale of the asset.
contract ComputeAssetRegistry is ERC721, AccessControl, IComputeAssetRegistry, IERC4907 {
    /// @notice May register assets and attach their share token and distributor.
    bytes32 public constant REGISTRAR_ROLE = keccak256("REGISTRAR_ROLE");
    /// @notice May set ERC-4907 users (the lease manager contract).
    bytes32 public constant LEASE_MANAGER_ROLE = keccak256("LEASE_MANAGER_ROLE");

    struct Asset {
        bytes32 specHash;
        bytes32 kind;
        uint64 capacity;
        address shareToken;
        address distributor;
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
    /// @notice The asset's share token and revenue distributor were attached.
    event SharesAttached(uint256 indexed assetId, address shareToken, address distributor);

    /// @notice The spec hash is zero.
    error ZeroSpecHash();
    /// @notice The capacity is zero.
    error ZeroCapacity();
    /// @notice An asset with this spec hash exists already.
    error DuplicateSpecHash(bytes32 specHash, uint256 existingAssetId);
    /// @notice The share token and distributor were attached before.
    error SharesAlreadyAttached(uint256 assetId);
    /// @notice The share token or distributor does not belong to this asset or to each other.
    error SharesMismatch(uint256 assetId, address shareToken, address distributor);
    /// @notice address(0) where an account is required.
    error ZeroAddress();

    /// @param admin receives DEFAULT_ADMIN_ROLE and REGISTRAR_ROLE
    constructor(address admin) ERC721("ComputeRWA Asset", "CRWA") {
        if (admin == address(0)) revert ZeroAddress();
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(REGISTRAR_ROLE, admin);
    }

    /// @notice Registers a physical asset and mints its token to `operator`.
    /// @param specHash keccak-256 of the asset's canonical JSON spec (as sdk-core computes it)
    /// @param kind the asset kind as a left-aligned ASCII short string: sdk-core's AssetKind name (e.g. "GPU_NODE")
    /// @param capacity the capacity in the asset's own units, > 0
    /// @return assetId the new token id (ids count up from 1)
    function register(address operator, bytes32 specHash, bytes32 kind, uint64 capacity)
        external
        onlyRole(REGISTRAR_ROLE)
        returns (uint256 assetId)
    {
        if (operator == address(0)) revert ZeroAddress();
        if (specHash == bytes32(0)) revert ZeroSpecHash();
        if (capacity == 0) revert ZeroCapacity();
        uint256 existing = _bySpec[specHash];
        if (existing != 0) revert DuplicateSpecHash(specHash, existing);
        assetId = _nextId++;
        _assets[assetId] = Asset(specHash, kind, capacity, address(0), address(0));
        _bySpec[specHash] = assetId;
        _safeMint(operator, assetId);
        emit AssetRegistered(assetId, operator, specHash, kind, capacity);
    }

    /// @notice Attaches the asset's share token and revenue distributor, once.
    /// @dev The share token must name this registry, this asset and the distributor; the distributor must name
    /// the share token.
    function attachShares(uint256 assetId, address shareToken, address distributor)
        external
        onlyRole(REGISTRAR_ROLE)
    {
        _requireOwned(assetId);
        Asset storage a = _assets[assetId];
        if (a.shareToken != address(0)) revert SharesAlreadyAttached(assetId);
        if (shareToken == address(0) || distributor == address(0)) revert ZeroAddress();
        if (
            IAttachableShareToken(shareToken).registry() != address(this)
                || IAttachableShareToken(shareToken).assetId() != assetId
                || IAttachableShareToken(shareToken).distributor() != distributor
                || IAttachableDistributor(distributor).shareToken() != shareToken
        ) revert SharesMismatch(assetId, shareToken, distributor);
        a.shareToken = shareToken;
        a.distributor = distributor;
        emit SharesAttached(assetId, shareToken, distributor);
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
    function distributorOf(uint256 assetId) external view returns (address) {
        _requireOwned(assetId);
        return _assets[assetId].distributor;
    }

    /// @inheritdoc IComputeAssetRegistry
    function setUser(uint256 assetId, address user, uint64 expires)
        external
        override(IComputeAssetRegistry, IERC4907)
        onlyRole(LEASE_MANAGER_ROLE)
    {
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
