// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IEvidenceAnchor, UsageStatement} from "./interfaces/IEvidenceAnchor.sol";

/// @title Evidence anchor: attester-signed Merkle roots of usage statements, one per asset and period.
/// @notice The asset owner names the attester keys of an asset. Anyone may submit a root with an
/// attester's EIP-712 signature of AnchorRoot(assetId, periodStart, periodEnd, root) in the domain
/// ("ComputeRWA EvidenceAnchor", "1", chain id, this contract), so a signature is worthless on
/// another chain, another deployment, another asset or another period. OpenZeppelin's ECDSA
/// rejects malleable (high-s) signatures. Periods of an asset are anchored in order and never
/// overlap, so each moment of an asset's life is covered by at most one root.
contract EvidenceAnchor is IEvidenceAnchor, EIP712 {
    /// @notice EIP-712 type hash of the signed message.
    bytes32 public constant ANCHOR_TYPEHASH =
        keccak256("AnchorRoot(uint256 assetId,uint64 periodStart,uint64 periodEnd,bytes32 root)");

    /// @notice The registry whose token owners manage attesters.
    IComputeAssetRegistry public immutable registry;

    /// @dev Per asset: end of the last anchored period, and whether attesters were ever configured
    /// (keeps the slot non-zero so that the first anchoring does not pay for a fresh slot).
    struct AssetState {
        uint64 anchoredUntil;
        bool configured;
    }

    mapping(uint256 assetId => mapping(address attester => bool)) private _attesters;
    mapping(uint256 assetId => AssetState) private _assets;
    mapping(bytes32 periodKey => bytes32 root) private _roots;

    /// @notice Caller is not the owner of the asset.
    error NotAssetOwner(uint256 assetId, address caller);
    /// @notice The attester address is zero.
    error ZeroAttester();
    /// @notice The period is empty, inverted, or not over yet.
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    /// @notice The period starts before the end of the asset's last anchored period.
    error PeriodOverlaps(uint64 periodStart, uint64 anchoredUntil);
    /// @notice The root is zero.
    error ZeroRoot();
    /// @notice The signature recovers to a key that is not an attester of the asset.
    error NotAttester(uint256 assetId, address signer);

    /// @param registry_ the asset registry
    constructor(IComputeAssetRegistry registry_) EIP712("ComputeRWA EvidenceAnchor", "1") {
        registry = registry_;
    }

    /// @inheritdoc IEvidenceAnchor
    function setAttester(uint256 assetId, address attester, bool authorized) external {
        if (registry.ownerOf(assetId) != msg.sender) revert NotAssetOwner(assetId, msg.sender);
        if (attester == address(0)) revert ZeroAttester();
        _attesters[assetId][attester] = authorized;
        _assets[assetId].configured = true;
        emit AttesterSet(assetId, attester, authorized);
    }

    /// @inheritdoc IEvidenceAnchor
    function isAttester(uint256 assetId, address attester) external view returns (bool) {
        return _attesters[assetId][attester];
    }

    /// @inheritdoc IEvidenceAnchor
    function anchor(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, bytes calldata signature)
        external
    {
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        if (root == bytes32(0)) revert ZeroRoot();
        AssetState storage state = _assets[assetId];
        uint64 until = state.anchoredUntil;
        if (periodStart < until) revert PeriodOverlaps(periodStart, until);
        address signer = ECDSA.recover(anchorDigest(assetId, periodStart, periodEnd, root), signature);
        if (!_attesters[assetId][signer]) revert NotAttester(assetId, signer);
        state.anchoredUntil = periodEnd;
        _roots[_periodKey(assetId, periodStart, periodEnd)] = root;
        emit RootAnchored(assetId, periodStart, periodEnd, root, signer);
    }

    /// @inheritdoc IEvidenceAnchor
    function rootOf(uint256 assetId, uint64 periodStart, uint64 periodEnd) external view returns (bytes32) {
        return _roots[_periodKey(assetId, periodStart, periodEnd)];
    }

    /// @inheritdoc IEvidenceAnchor
    function anchoredUntil(uint256 assetId) external view returns (uint64) {
        return _assets[assetId].anchoredUntil;
    }

    /// @inheritdoc IEvidenceAnchor
    function verifyStatement(
        UsageStatement calldata statement,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external view returns (bool) {
        if (statement.periodStart < anchorStart || statement.periodEnd > anchorEnd) return false;
        if (statement.periodEnd <= statement.periodStart) return false;
        bytes32 root = _roots[_periodKey(statement.assetId, anchorStart, anchorEnd)];
        if (root == bytes32(0)) return false;
        return MerkleProof.verifyCalldata(proof, root, statementLeaf(statement));
    }

    /// @inheritdoc IEvidenceAnchor
    function statementLeaf(UsageStatement calldata s) public pure returns (bytes32) {
        return keccak256(
            bytes.concat(
                keccak256(
                    abi.encode(s.assetId, s.device, s.periodStart, s.periodEnd, s.kind, s.value, s.availabilityBps)
                )
            )
        );
    }

    /// @inheritdoc IEvidenceAnchor
    function anchorDigest(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root)
        public
        view
        returns (bytes32)
    {
        return _hashTypedDataV4(keccak256(abi.encode(ANCHOR_TYPEHASH, assetId, periodStart, periodEnd, root)));
    }

    /// @notice The EIP-712 domain separator of this deployment.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function _periodKey(uint256 assetId, uint64 periodStart, uint64 periodEnd) private pure returns (bytes32) {
        return keccak256(abi.encode(assetId, periodStart, periodEnd));
    }
}
