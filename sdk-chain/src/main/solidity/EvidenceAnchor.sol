// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IEvidenceAnchor, UsageStatement} from "./interfaces/IEvidenceAnchor.sol";

/// @title Evidence anchor: attester-signed Merkle roots of usage statements.
/// @notice The asset owner names the attester keys of an asset; an authorisation belongs to the
/// owner that made it, so a sale of the asset leaves the buyer with no attester of the seller's.
/// Anyone may submit a root with an attester's EIP-712 signature of
/// AnchorRoot(assetId, periodStart, periodEnd, root) in the domain ("ComputeRWA EvidenceAnchor",
/// "1", chain id, this contract), so a signature is worthless on another chain, another
/// deployment, another asset or another period. OpenZeppelin's ECDSA rejects malleable (high-s)
/// signatures. Roots are kept per attester: each attester's periods are contiguous (no gaps, no
/// overlaps), and one attester's roots never block another's, so a key the owner controls cannot
/// pre-empt the attester a lease names. The lease manager reads a lease's attester's coverage to
/// tell evidence that is missing from evidence that shows no downtime.
/// Devices sign their usage statements in a second EIP-712 domain, ("ComputeRWA Usage", "1",
/// chain id, this contract): `statementDigest` is what a device signs, so a statement's device
/// signature is checked against this chain and this deployment wherever a statement is used.
contract EvidenceAnchor is IEvidenceAnchor, EIP712 {
    /// @notice EIP-712 type hash of the signed message.
    bytes32 public constant ANCHOR_TYPEHASH =
        keccak256("AnchorRoot(uint256 assetId,uint64 periodStart,uint64 periodEnd,bytes32 root)");

    /// @notice EIP-712 type hash of the usage statement a device signs (sdk-core UsageStatement).
    bytes32 public constant USAGE_TYPEHASH = keccak256(
        "UsageStatement(uint256 assetId,address device,uint64 periodStart,uint64 periodEnd,uint8 kind,uint256 value,uint16 availabilityBps)"
    );
    bytes32 private constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");

    /// @notice The registry whose token owners manage attesters.
    IComputeAssetRegistry public immutable registry;

    /// @dev Per asset and attester: the covered time; `configured` keeps the slot non-zero from
    /// the authorisation on, so that the first anchoring does not pay for a fresh slot.
    struct Coverage {
        uint64 from;
        uint64 until;
        bool configured;
    }

    mapping(uint256 assetId => mapping(address owner => mapping(address attester => bool))) private _authorized;
    mapping(uint256 assetId => mapping(address attester => Coverage)) private _coverage;
    mapping(bytes32 periodKey => bytes32 root) private _roots;

    /// @dev The usage domain's separator for the chain id it was built on (rebuilt after a fork).
    bytes32 private immutable _usageDomain;
    uint256 private immutable _usageDomainChainId;

    /// @notice Caller is not the owner of the asset.
    error NotAssetOwner(uint256 assetId, address caller);
    /// @notice The attester address is zero.
    error ZeroAttester();
    /// @notice The period is empty, inverted, or not over yet.
    error InvalidPeriod(uint64 periodStart, uint64 periodEnd);
    /// @notice The period does not start where the attester's last anchored period ended.
    error PeriodNotContiguous(uint64 periodStart, uint64 anchoredUntil);
    /// @notice The root is zero.
    error ZeroRoot();
    /// @notice The signature recovers to a key that is not an attester of the asset.
    error NotAttester(uint256 assetId, address signer);

    /// @param registry_ the asset registry
    constructor(IComputeAssetRegistry registry_) EIP712("ComputeRWA EvidenceAnchor", "1") {
        registry = registry_;
        _usageDomainChainId = block.chainid;
        _usageDomain = _buildUsageDomain();
    }

    /// @inheritdoc IEvidenceAnchor
    function setAttester(uint256 assetId, address attester, bool authorized) external {
        if (registry.ownerOf(assetId) != msg.sender) revert NotAssetOwner(assetId, msg.sender);
        if (attester == address(0)) revert ZeroAttester();
        _authorized[assetId][msg.sender][attester] = authorized;
        _coverage[assetId][attester].configured = true;
        emit AttesterSet(assetId, attester, authorized);
    }

    /// @inheritdoc IEvidenceAnchor
    function isAttester(uint256 assetId, address attester) public view returns (bool) {
        return _authorized[assetId][registry.ownerOf(assetId)][attester];
    }

    /// @inheritdoc IEvidenceAnchor
    function anchor(uint256 assetId, uint64 periodStart, uint64 periodEnd, bytes32 root, bytes calldata signature)
        external
    {
        if (periodEnd <= periodStart || periodEnd > block.timestamp) revert InvalidPeriod(periodStart, periodEnd);
        if (root == bytes32(0)) revert ZeroRoot();
        address signer = ECDSA.recover(anchorDigest(assetId, periodStart, periodEnd, root), signature);
        if (!isAttester(assetId, signer)) revert NotAttester(assetId, signer);
        Coverage storage c = _coverage[assetId][signer];
        uint64 until = c.until;
        if (until == 0) {
            c.from = periodStart;
        } else if (periodStart != until) {
            revert PeriodNotContiguous(periodStart, until);
        }
        c.until = periodEnd;
        _roots[_periodKey(assetId, signer, periodStart, periodEnd)] = root;
        emit RootAnchored(assetId, periodStart, periodEnd, root, signer);
    }

    /// @inheritdoc IEvidenceAnchor
    function rootOf(uint256 assetId, address attester, uint64 periodStart, uint64 periodEnd)
        external
        view
        returns (bytes32)
    {
        return _roots[_periodKey(assetId, attester, periodStart, periodEnd)];
    }

    /// @inheritdoc IEvidenceAnchor
    function coverage(uint256 assetId, address attester) external view returns (uint64 from, uint64 until) {
        Coverage storage c = _coverage[assetId][attester];
        return (c.from, c.until);
    }

    /// @inheritdoc IEvidenceAnchor
    function verifyStatement(
        UsageStatement calldata statement,
        address attester,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external view returns (bool) {
        if (statement.periodStart < anchorStart || statement.periodEnd > anchorEnd) return false;
        if (statement.periodEnd <= statement.periodStart) return false;
        bytes32 root = _roots[_periodKey(statement.assetId, attester, anchorStart, anchorEnd)];
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

    /// @inheritdoc IEvidenceAnchor
    function statementDigest(UsageStatement calldata s) external view returns (bytes32) {
        return MessageHashUtils.toTypedDataHash(
            usageDomainSeparator(),
            keccak256(
                abi.encode(
                    USAGE_TYPEHASH, s.assetId, s.device, s.periodStart, s.periodEnd, s.kind, s.value, s.availabilityBps
                )
            )
        );
    }

    /// @notice The separator of the EIP-712 domain devices sign usage statements in:
    /// ("ComputeRWA Usage", "1", chain id, this contract).
    function usageDomainSeparator() public view returns (bytes32) {
        return block.chainid == _usageDomainChainId ? _usageDomain : _buildUsageDomain();
    }

    /// @notice The EIP-712 domain separator of this deployment.
    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function _buildUsageDomain() private view returns (bytes32) {
        return keccak256(
            abi.encode(
                EIP712_DOMAIN_TYPEHASH, keccak256("ComputeRWA Usage"), keccak256("1"), block.chainid, address(this)
            )
        );
    }

    function _periodKey(uint256 assetId, address attester, uint64 periodStart, uint64 periodEnd)
        private
        pure
        returns (bytes32)
    {
        return keccak256(abi.encode(assetId, attester, periodStart, periodEnd));
    }
}
