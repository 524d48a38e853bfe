// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title The asset registry as the lease manager and the pledge registry see it.
/// @notice One ERC-721 token per physical compute asset. The token owner is the asset's operator
/// (the lessor). ERC-4907 user and expiry are written only by the lease manager.
interface IComputeAssetRegistry {
    /// @notice Owner (operator) of an asset; reverts for an unknown asset (ERC-721 `ownerOf`).
    function ownerOf(uint256 assetId) external view returns (address);

    /// @notice Capacity of the asset in its own units (GPUs, TH/s, ...), fixed at registration.
    function capacityOf(uint256 assetId) external view returns (uint64);

    /// @notice keccak-256 of the asset's canonical JSON spec, as sdk-core computes it.
    function specHashOf(uint256 assetId) external view returns (bytes32);

    /// @notice The share token (ERC-20) of the asset, or address(0) before shares are issued.
    function shareTokenOf(uint256 assetId) external view returns (address);

    /// @notice The revenue distributor that pays the asset's share holders: its share token itself.
    function distributorOf(uint256 assetId) external view returns (address);

    /// @notice The owner and the share token of an asset in one call; reverts for an unknown asset.
    function ownerAndShareToken(uint256 assetId) external view returns (address owner, address shareToken);

    /// @notice The lease manager bound to the registry (set once), or address(0).
    function leaseManager() external view returns (address);

    /// @notice ERC-4907: sets the user of an asset until `expires` (unix seconds).
    /// @dev Only callable by the bound lease manager.
    function setUser(uint256 assetId, address user, uint64 expires) external;

    /// @notice The acceptance of a lease, in one call: sets the ERC-4907 user only if the asset
    /// has none now (`userOf` is address(0)) and returns the asset's owner and share token, which
    /// the acceptance checks; lease manager only, reverts for an unknown asset.
    function onLeaseAccepted(uint256 assetId, address user, uint64 expires)
        external
        returns (address owner, address shareToken);

    /// @notice ERC-4907: current user, or address(0) once expired.
    function userOf(uint256 assetId) external view returns (address);

    /// @notice ERC-4907: expiry of the current user (unix seconds), 0 if none was ever set.
    function userExpires(uint256 assetId) external view returns (uint256);
}
