// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice One device's usage statement for one asset and period; a leaf of an anchored batch.
/// @dev Leaf = keccak256(bytes.concat(keccak256(abi.encode(assetId, device, periodStart, periodEnd,
/// kind, value, availabilityBps)))) — OpenZeppelin StandardMerkleTree's leaf over these seven
/// types; sdk-core's UsageStatement.leafHash() computes the same bytes.
struct UsageStatement {
    uint256 assetId;
    address device;
    uint64 periodStart;
    uint64 periodEnd;
    uint8 kind;
    uint256 value;
    uint16 availabilityBps;
}

/// @title Anchors attester-signed Merkle roots of usage statements, per asset and period.
interface IEvidenceAnchor {
    /// @notice An asset owner authorised or revoked an attester key.
    event AttesterSet(uint256 indexed assetId, address indexed attester, bool authorized);

    /// @notice A root was anchored for `[periodStart, periodEnd)` of an asset.
    event RootAnchored(
        uint256 indexed assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, address indexed attester
    );

    /// @notice Authorises (or revokes) `attester` to sign roots for `assetId`; asset owner only.
    function setAttester(uint256 assetId, address attester, bool authorized) external;

    /// @notice Whether `attester` may sign roots for `assetId`.
    function isAttester(uint256 assetId, address attester) external view returns (bool);

    /// @notice Stores `root` for the period when `signature` is an attester's EIP-712 signature of
    /// AnchorRoot(assetId, periodStart, periodEnd, root). Anyone may submit it. Periods of an asset
    /// never overlap: `periodStart` must be at or after the end of the last anchored period.
    function anchor(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, bytes calldata signature)
        external;

    /// @notice The root anchored for exactly this period, or zero.
    function rootOf(uint256 assetId, uint64 periodStart, uint64 periodEnd) external view returns (bytes32);

    /// @notice End of the last anchored period of the asset (0 if none).
    function anchoredUntil(uint256 assetId) external view returns (uint64);

    /// @notice Whether `statement` is a leaf of the root anchored for `[anchorStart, anchorEnd)`
    /// and lies inside that period.
    function verifyStatement(
        UsageStatement calldata statement,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external view returns (bool);

    /// @notice The Merkle leaf of a statement.
    function statementLeaf(UsageStatement calldata statement) external pure returns (bytes32);

    /// @notice The EIP-712 digest an attester signs for a root.
    function anchorDigest(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root)
        external
        view
        returns (bytes32);
}
