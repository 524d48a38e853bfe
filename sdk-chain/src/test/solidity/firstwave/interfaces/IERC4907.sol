// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title ERC-4907: rental NFT, an ERC-721 extension with a time-limited user role.
/// @dev Interface id 0xad092b5c.
interface IERC4907 {
    /// @notice Emitted when the user of an NFT or its expiry changes; user 0 means none.
    event UpdateUser(uint256 indexed tokenId, address indexed user, uint64 expires);

    /// @notice Sets the user and expiry (unix seconds) of an NFT.
    function setUser(uint256 tokenId, address user, uint64 expires) external;

    /// @notice The current user of an NFT, or address(0) once expired.
    function userOf(uint256 tokenId) external view returns (address);

    /// @notice The expiry of the current user (unix seconds).
    function userExpires(uint256 tokenId) external view returns (uint256);
}
