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

/// @title Anchors attester-signed Merkle roots of usage statements, per asset, attester and period.
interface IEvidenceAnchor {
    /// @notice An asset owner authorised or revoked an attester key.
    event AttesterSet(uint256 indexed assetId, address indexed attester, bool authorized);

    /// @notice A root was anchored for `[periodStart, periodEnd)` of an asset by `attester`.
    event RootAnchored(
        uint256 indexed assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, address indexed attester
    );

    /// @notice Authorises (or revokes) `attester` to sign roots for `assetId` while the caller owns
    /// it; asset owner only. Authorisations belong to the owner that made them: a new owner of the
    /// asset starts with none.
    function setAttester(uint256 assetId, address attester, bool authorized) external;

    /// @notice Whether `attester` may sign roots for `assetId` under its current owner.
    function isAttester(uint256 assetId, address attester) external view returns (bool);

    /// @notice Stores `root` for the period when `signature` is an authorised attester's EIP-712
    /// signature of AnchorRoot(assetId, periodStart, periodEnd, root). Anyone may submit it. Each
    /// attester's periods of an asset are contiguous: after its first root, `periodStart` must be
    /// the end of its last one. Roots of different attesters never block each other.
    function anchor(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, bytes calldata signature)
        external;

    /// @notice The root `attester` anchored for exactly this period, or zero.
    function rootOf(uint256 assetId, address attester, uint64 periodStart, uint64 periodEnd)
        external
        view
        returns (bytes32);

    /// @notice The time `attester`'s roots of the asset cover without gaps: [from, until) (0, 0 if none).
    function coverage(uint256 assetId, address attester) external view returns (uint64 from, uint64 until);

    /// @notice Whether `statement` is a leaf of the root `attester` anchored for
    /// `[anchorStart, anchorEnd)` and lies inside that period.
    function verifyStatement(
        UsageStatement calldata statement,
        address attester,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external view returns (bool);

    /// @notice The EIP-712 digest a statement's device signs: the statement as the struct
    /// UsageStatement in the domain ("ComputeRWA Usage", "1", chain id, this contract).
    function statementDigest(UsageStatement calldata statement) external view returns (bytes32);

    /// @notice The Merkle leaf of a statement.
    function statementLeaf(UsageStatement calldata statement) external pure returns (bytes32);

    /// @notice The EIP-712 digest an attester signs for a root.
    function anchorDigest(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root)
        external
        view
        returns (bytes32);
}
