// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IEvidenceAnchor, UsageStatement} from "./interfaces/IEvidenceAnchor.sol";
import {IPledgeRegistry} from "./interfaces/IPledgeRegistry.sol";
import {IRevenueDistributor} from "./interfaces/IRevenueDistributor.sol";

/// @title Lease manager: capacity leases paid from stablecoin escrow, accrued per second.
/// @notice Life of a lease:
/// 1. The asset owner offers `units` of the asset's capacity for `duration` seconds at
///    `ratePerSecond`, acceptable until `acceptBy`. The offer reserves the units at once, so the
///    units of all live offers and leases of an asset never exceed its capacity.
/// 2. A lessee accepts (approve or EIP-2612 permit) and escrows rate * duration. The lease runs
///    over [start, end) from acceptance; the lessee becomes the asset's ERC-4907 user (expiring at
///    end - 1, the last second of use) if the slot is free.
/// 3. Every interaction with the lease settles what has accrued: income for each second is paid
///    out once it is `settlementLag` seconds old (the window in which a lessee can still claim an
///    SLA credit for it), through the waterfall: operator fee to the asset owner, then the pledge
///    lender while the asset is in default, the rest into the asset's revenue distributor.
/// 4. SLA credits: an AVAILABILITY statement proven against a root in the evidence anchor refunds
///    (downtime - grace) * rate to the lessee; statements are used in time order, each second at
///    most once, and only for time not yet paid out.
/// 5. Either party may terminate early: the unused time is refunded to the lessee at once.
/// Escrow conservation: the contract's token balance always equals the sum of lease escrows plus
/// the sum of withdrawable balances. Tokens that deliver less than asked (fee on transfer) are
/// rejected.
contract LeaseManager is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Basis points in one whole.
    uint16 public constant BPS = 10_000;
    /// @notice Most live (offered or running) leases an asset may have at once.
    uint256 public constant MAX_LIVE_LEASES = 16;
    /// @notice Statement kind code of AVAILABILITY statements (sdk-core UsageKind.AVAILABILITY).
    uint8 public constant KIND_AVAILABILITY = 0;

    /// @notice Lease states.
    enum Status {
        None,
        Offered,
        Active,
        Closed,
        Cancelled
    }

    /// @notice What the owner offers.
    struct OfferTerms {
        uint256 assetId;
        uint64 units;
        uint96 ratePerSecond;
        uint40 duration;
        uint40 acceptBy;
        uint32 graceSeconds;
        uint32 settlementLag;
        address lessee;
    }

    /// @notice A lease (or offer), packed into five slots.
    struct Lease {
        uint256 assetId;
        // slot 1
        uint96 ratePerSecond;
        uint40 duration;
        uint64 units;
        uint32 settlementLag;
        Status status;
        // slot 2
        address lessee;
        uint40 acceptBy;
        uint32 graceSeconds;
        // slot 3: while offered, `end` is the end of the reservation (acceptBy)
        uint40 start;
        uint40 end;
        uint40 paidUntil;
        uint40 creditedUntil;
        uint96 escrow;
        // slot 4
        address lessor;
        uint96 creditDebt;
    }

    /// @notice The asset registry (ERC-721 + ERC-4907); this contract must hold its LEASE_MANAGER_ROLE.
    IComputeAssetRegistry public immutable registry;
    /// @notice The evidence anchor SLA statements are proven against.
    IEvidenceAnchor public immutable evidence;
    /// @notice The pledge registry consulted in the income waterfall.
    IPledgeRegistry public immutable pledges;
    /// @notice The stablecoin leases are paid in.
    IERC20 public immutable paymentToken;

    /// @notice Operator fee, in basis points of lease income, paid to the asset owner.
    uint16 public operatorFeeBps;
    /// @notice Number of leases (and offers) ever created; ids run from 1.
    uint256 public leaseCount;

    mapping(uint256 leaseId => Lease) private _leases;
    mapping(uint256 assetId => uint256[]) private _live;
    mapping(address account => uint256) private _withdrawable;
    uint256 private _totalEscrow;
    uint256 private _totalWithdrawable;

    /// @notice An offer was made and its units reserved.
    event LeaseOffered(uint256 indexed leaseId, uint256 indexed assetId, address indexed lessor, OfferTerms terms);
    /// @notice An offer was withdrawn.
    event OfferCancelled(uint256 indexed leaseId);
    /// @notice A lessee accepted and escrowed the full price.
    event LeaseAccepted(uint256 indexed leaseId, address indexed lessee, uint40 start, uint40 end, uint256 escrow);
    /// @notice Income up to `paidUntil` was paid out (`gross` accrued, `net` after earlier credits).
    event LeaseSettled(uint256 indexed leaseId, uint40 paidUntil, uint256 gross, uint256 net);
    /// @notice The waterfall of one payout.
    event IncomeDistributed(
        uint256 indexed assetId, address owner, uint256 operatorFee, address lender, uint256 toLender, address distributor, uint256 toHolders
    );
    /// @notice An SLA credit was refunded to the lessee.
    event SlaCreditApplied(uint256 indexed leaseId, uint64 periodStart, uint64 periodEnd, uint256 downtimeSeconds, uint256 credit);
    /// @notice The lease was ended early and the unused time refunded.
    event LeaseTerminated(uint256 indexed leaseId, address indexed by, uint40 end, uint256 refund);
    /// @notice The lease is fully paid out; nothing is left in escrow.
    event LeaseClosed(uint256 indexed leaseId);
    /// @notice An account withdrew its balance.
    event Withdrawn(address indexed account, uint256 amount);
    /// @notice The operator fee changed.
    event OperatorFeeSet(uint16 bps);

    /// @notice Caller may not do this.
    error Unauthorized(address caller);
    /// @notice The lease id is unknown or in the wrong state.
    error WrongStatus(uint256 leaseId, Status status);
    /// @notice Offer terms are invalid (zero units, rate or duration, past deadline, price overflow).
    error InvalidTerms();
    /// @notice The asset's capacity does not fit the units.
    error CapacityExceeded(uint256 assetId, uint256 requested, uint256 available);
    /// @notice The asset has MAX_LIVE_LEASES live leases already.
    error TooManyLiveLeases(uint256 assetId);
    /// @notice The offer's deadline passed.
    error OfferExpired(uint256 leaseId);
    /// @notice The lessor no longer owns the asset.
    error LessorChanged(uint256 leaseId);
    /// @notice The token delivered a different amount than requested.
    error TransferAmountMismatch(uint256 expected, uint256 received);
    /// @notice The lease already ended.
    error LeaseEnded(uint256 leaseId);
    /// @notice The statement does not apply to this lease (asset, kind, time order or period).
    error StatementNotApplicable(uint256 leaseId);
    /// @notice The statement is not proven against an anchored root.
    error StatementNotProven(uint256 leaseId);
    /// @notice The statement shows no downtime beyond the grace period.
    error NoCreditDue(uint256 leaseId);
    /// @notice Nothing to withdraw.
    error NothingToWithdraw();
    /// @notice Fee above 100 %.
    error InvalidFee(uint16 bps);

    /// @param registry_ the asset registry
    /// @param evidence_ the evidence anchor
    /// @param pledges_ the pledge registry (may be address(0) for none)
    /// @param paymentToken_ the stablecoin
    /// @param admin holder of DEFAULT_ADMIN_ROLE (sets the operator fee)
    /// @param operatorFeeBps_ the initial operator fee
    constructor(
        IComputeAssetRegistry registry_,
        IEvidenceAnchor evidence_,
        IPledgeRegistry pledges_,
        IERC20 paymentToken_,
        address admin,
        uint16 operatorFeeBps_
    ) {
        if (operatorFeeBps_ > BPS) revert InvalidFee(operatorFeeBps_);
        registry = registry_;
        evidence = evidence_;
        pledges = pledges_;
        paymentToken = paymentToken_;
        operatorFeeBps = operatorFeeBps_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    // ------------------------------------------------------------------ admin

    /// @notice Sets the operator fee; admin only.
    function setOperatorFeeBps(uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (bps > BPS) revert InvalidFee(bps);
        operatorFeeBps = bps;
        emit OperatorFeeSet(bps);
    }

    // ------------------------------------------------------------------ offers

    /// @notice Offers capacity of an asset; asset owner only. Reserves the units until `acceptBy`
    /// (and, once accepted, until the lease ends).
    function offer(OfferTerms calldata t) external nonReentrant returns (uint256 leaseId) {
        if (registry.ownerOf(t.assetId) != msg.sender) revert Unauthorized(msg.sender);
        if (t.units == 0 || t.ratePerSecond == 0 || t.duration == 0 || t.acceptBy < block.timestamp) {
            revert InvalidTerms();
        }
        if (uint256(t.ratePerSecond) * t.duration > type(uint96).max) revert InvalidTerms();
        if (uint256(t.acceptBy) + t.duration > type(uint40).max) revert InvalidTerms();
        _prune(t.assetId);
        uint256 free = _freeCapacity(t.assetId);
        if (t.units > free) revert CapacityExceeded(t.assetId, t.units, free);
        if (_live[t.assetId].length >= MAX_LIVE_LEASES) revert TooManyLiveLeases(t.assetId);

        leaseId = ++leaseCount;
        Lease storage l = _leases[leaseId];
        l.assetId = t.assetId;
        l.ratePerSecond = t.ratePerSecond;
        l.duration = t.duration;
        l.units = t.units;
        l.settlementLag = t.settlementLag;
        l.status = Status.Offered;
        l.lessee = t.lessee;
        l.acceptBy = t.acceptBy;
        l.graceSeconds = t.graceSeconds;
        l.end = t.acceptBy;
        l.lessor = msg.sender;
        _live[t.assetId].push(leaseId);
        emit LeaseOffered(leaseId, t.assetId, msg.sender, t);
    }

    /// @notice Withdraws an offer nobody accepted; the lessor (or the asset's current owner) only.
    function cancelOffer(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Offered) revert WrongStatus(leaseId, l.status);
        if (msg.sender != l.lessor && msg.sender != registry.ownerOf(l.assetId)) revert Unauthorized(msg.sender);
        l.status = Status.Cancelled;
        emit OfferCancelled(leaseId);
    }

    // ------------------------------------------------------------------ acceptance

    /// @notice Accepts an offer, pulling rate * duration from the caller (approve first).
    function accept(uint256 leaseId) external nonReentrant {
        _accept(leaseId);
    }

    /// @notice Accepts an offer with an EIP-2612 permit for the escrow instead of an approval.
    /// A permit already used (for example by a front-runner) is tolerated if the allowance is there.
    function acceptWithPermit(uint256 leaseId, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
    {
        Lease storage l = _leases[leaseId];
        uint256 price = uint256(l.ratePerSecond) * l.duration;
        try IERC20Permit(address(paymentToken)).permit(msg.sender, address(this), price, deadline, v, r, s) {} catch {}
        _accept(leaseId);
    }

    function _accept(uint256 leaseId) private {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Offered) revert WrongStatus(leaseId, l.status);
        if (block.timestamp > l.acceptBy) revert OfferExpired(leaseId);
        if (l.lessee != address(0) && l.lessee != msg.sender) revert Unauthorized(msg.sender);
        uint256 assetId = l.assetId;
        if (registry.ownerOf(assetId) != l.lessor) revert LessorChanged(leaseId);

        uint40 start = uint40(block.timestamp);
        uint40 end = start + l.duration;
        uint96 price = l.ratePerSecond * l.duration;
        l.status = Status.Active;
        l.lessee = msg.sender;
        l.start = start;
        l.end = end;
        l.paidUntil = start;
        l.creditedUntil = start;
        l.escrow = price;
        _totalEscrow += price;

        _pullExactly(msg.sender, price);
        if (registry.userOf(assetId) == address(0)) registry.setUser(assetId, msg.sender, end - 1);
        emit LeaseAccepted(leaseId, msg.sender, start, end, price);
    }

    // ------------------------------------------------------------------ settlement

    /// @notice Settles what has accrued and is past the settlement lag; anyone may call.
    function settle(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        _settle(leaseId, l);
    }

    /// @notice Applies an SLA credit from an AVAILABILITY statement proven against the root the
    /// evidence anchor holds for `[anchorStart, anchorEnd)`. Settles first. Anyone may submit it;
    /// the credit goes to the lessee.
    function applySlaCredit(
        uint256 leaseId,
        UsageStatement calldata statement,
        uint64 anchorStart,
        uint64 anchorEnd,
        bytes32[] calldata proof
    ) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        _settle(leaseId, l);
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        uint64 ps = statement.periodStart;
        uint64 pe = statement.periodEnd;
        if (
            statement.assetId != l.assetId || statement.kind != KIND_AVAILABILITY || statement.availabilityBps > BPS
                || ps < l.creditedUntil || ps < l.paidUntil || pe > l.end || pe <= ps
        ) revert StatementNotApplicable(leaseId);
        if (!evidence.verifyStatement(statement, anchorStart, anchorEnd, proof)) revert StatementNotProven(leaseId);
        uint256 downtime = (uint256(pe - ps) * (BPS - statement.availabilityBps)) / BPS;
        if (downtime <= l.graceSeconds) revert NoCreditDue(leaseId);
        uint256 credit = (downtime - l.graceSeconds) * l.ratePerSecond;
        if (credit > l.escrow) credit = l.escrow;
        l.escrow -= uint96(credit);
        l.creditDebt += uint96(credit);
        l.creditedUntil = uint40(pe);
        _totalEscrow -= credit;
        _credit(l.lessee, credit);
        emit SlaCreditApplied(leaseId, ps, pe, downtime, credit);
    }

    /// @notice Ends a running lease now; the lessee or the asset owner. The unused time is refunded
    /// to the lessee; accrued time keeps settling after the lag.
    function terminate(uint256 leaseId) external nonReentrant {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) revert WrongStatus(leaseId, l.status);
        uint256 assetId = l.assetId;
        address lessee = l.lessee;
        if (msg.sender != lessee && msg.sender != registry.ownerOf(assetId)) revert Unauthorized(msg.sender);
        uint40 end = l.end;
        if (block.timestamp >= end) revert LeaseEnded(leaseId);
        uint40 now40 = uint40(block.timestamp);
        uint256 refund = uint256(end - now40) * l.ratePerSecond;
        if (refund > l.escrow) refund = l.escrow;
        l.end = now40;
        l.escrow -= uint96(refund);
        _totalEscrow -= refund;
        _credit(lessee, refund);
        emit LeaseTerminated(leaseId, msg.sender, now40, refund);
        if (registry.userOf(assetId) == lessee && registry.userExpires(assetId) == end - 1) {
            _handOverUser(assetId);
        }
        _settle(leaseId, l);
    }

    /// @notice Gives the asset's ERC-4907 user slot to a running lease if it is free; anyone may call.
    function refreshUser(uint256 assetId) external nonReentrant {
        if (registry.userOf(assetId) == address(0)) _handOverUser(assetId);
    }

    /// @notice Withdraws the caller's balance (operator fees, lender income, refunds and credits).
    function withdraw() external nonReentrant {
        uint256 amount = _withdrawable[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        _withdrawable[msg.sender] = 0;
        _totalWithdrawable -= amount;
        paymentToken.safeTransfer(msg.sender, amount);
        emit Withdrawn(msg.sender, amount);
    }

    // ------------------------------------------------------------------ views

    /// @notice A lease.
    function leaseOf(uint256 leaseId) external view returns (Lease memory) {
        return _leases[leaseId];
    }

    /// @notice Income accrued (per second, up to now) and not yet paid out, before earlier credits.
    function accrued(uint256 leaseId) external view returns (uint256) {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) return 0;
        uint256 until = block.timestamp < l.end ? block.timestamp : l.end;
        return until > l.paidUntil ? (until - l.paidUntil) * l.ratePerSecond : 0;
    }

    /// @notice Runway of a lease: seconds of paid service left and the escrow still held.
    function runway(uint256 leaseId) external view returns (uint256 secondsLeft, uint256 escrowLeft) {
        Lease storage l = _leases[leaseId];
        if (l.status != Status.Active) return (0, 0);
        secondsLeft = block.timestamp < l.end ? l.end - block.timestamp : 0;
        escrowLeft = l.escrow;
    }

    /// @notice Capacity units of an asset not reserved by a live offer or lease.
    function freeCapacity(uint256 assetId) external view returns (uint256) {
        return _freeCapacity(assetId);
    }

    /// @notice Ids of the asset's leases that may still be live (pruned on each new offer).
    function liveLeases(uint256 assetId) external view returns (uint256[] memory) {
        return _live[assetId];
    }

    /// @notice Whether a lease currently holds capacity.
    function isLive(uint256 leaseId) public view returns (bool) {
        Lease storage l = _leases[leaseId];
        if (l.status == Status.Offered) return block.timestamp <= l.end;
        if (l.status == Status.Active) return block.timestamp < l.end;
        return false;
    }

    /// @notice Balance an account can withdraw.
    function withdrawable(address account) external view returns (uint256) {
        return _withdrawable[account];
    }

    /// @notice Sum of all lease escrows.
    function totalEscrow() external view returns (uint256) {
        return _totalEscrow;
    }

    /// @notice Sum of all withdrawable balances.
    function totalWithdrawable() external view returns (uint256) {
        return _totalWithdrawable;
    }

    // ------------------------------------------------------------------ internals

    function _settle(uint256 leaseId, Lease storage l) private {
        uint256 lag = l.settlementLag;
        uint256 until = block.timestamp > lag ? block.timestamp - lag : 0;
        uint40 end = l.end;
        if (until > end) until = end;
        uint40 paid = l.paidUntil;
        if (until > paid) {
            uint256 gross = (until - paid) * l.ratePerSecond;
            uint96 debt = l.creditDebt;
            uint256 deduct = gross < debt ? gross : debt;
            uint256 net = gross - deduct;
            l.creditDebt = debt - uint96(deduct);
            l.paidUntil = uint40(until);
            l.escrow -= uint96(net);
            _totalEscrow -= net;
            emit LeaseSettled(leaseId, uint40(until), gross, net);
            if (net > 0) _distribute(l.assetId, net);
        }
        if (l.paidUntil == end && block.timestamp >= end) {
            l.status = Status.Closed;
            uint96 rest = l.escrow;
            if (rest > 0) {
                l.escrow = 0;
                _totalEscrow -= rest;
                _credit(l.lessee, rest);
            }
            emit LeaseClosed(leaseId);
        }
    }

    function _distribute(uint256 assetId, uint256 amount) private {
        address owner = registry.ownerOf(assetId);
        uint256 fee = (amount * operatorFeeBps) / BPS;
        uint256 rest = amount - fee;
        if (fee > 0) _credit(owner, fee);
        address lender;
        uint256 toLender;
        if (address(pledges) != address(0) && rest > 0) {
            (lender, toLender) = pledges.redirect(assetId, rest);
            if (toLender > rest) toLender = rest;
            if (toLender > 0) {
                rest -= toLender;
                _credit(lender, toLender);
            }
        }
        address distributor;
        if (rest > 0) {
            distributor = registry.distributorOf(assetId);
            if (distributor == address(0) || IRevenueDistributor(distributor).payoutToken() != address(paymentToken)) {
                distributor = address(0);
                _credit(owner, rest);
            } else {
                uint256 before = paymentToken.balanceOf(address(this));
                paymentToken.forceApprove(distributor, rest);
                try IRevenueDistributor(distributor).deposit(rest) {
                    uint256 spent = before - paymentToken.balanceOf(address(this));
                    if (spent != rest) revert TransferAmountMismatch(rest, spent);
                } catch {
                    // No share holders yet (or the distributor refuses): the owner is paid instead.
                    paymentToken.forceApprove(distributor, 0);
                    distributor = address(0);
                    _credit(owner, rest);
                }
            }
        }
        emit IncomeDistributed(assetId, owner, fee, lender, toLender, distributor, rest);
    }

    function _credit(address account, uint256 amount) private {
        if (amount == 0) return;
        _withdrawable[account] += amount;
        _totalWithdrawable += amount;
    }

    function _pullExactly(address from, uint256 amount) private {
        uint256 before = paymentToken.balanceOf(address(this));
        paymentToken.safeTransferFrom(from, address(this), amount);
        uint256 received = paymentToken.balanceOf(address(this)) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    function _freeCapacity(uint256 assetId) private view returns (uint256) {
        uint256[] storage live = _live[assetId];
        uint256 used;
        for (uint256 i = 0; i < live.length; ++i) {
            uint256 id = live[i];
            if (isLive(id)) used += _leases[id].units;
        }
        uint256 capacity = registry.capacityOf(assetId);
        return used >= capacity ? 0 : capacity - used;
    }

    /// @dev Drops leases that no longer hold capacity from the asset's live list.
    function _prune(uint256 assetId) private {
        uint256[] storage live = _live[assetId];
        uint256 i;
        while (i < live.length) {
            if (isLive(live[i])) {
                ++i;
            } else {
                live[i] = live[live.length - 1];
                live.pop();
            }
        }
    }

    function _handOverUser(uint256 assetId) private {
        uint256[] storage live = _live[assetId];
        for (uint256 i = 0; i < live.length; ++i) {
            Lease storage other = _leases[live[i]];
            if (other.status == Status.Active && block.timestamp < other.end) {
                registry.setUser(assetId, other.lessee, other.end - 1);
                return;
            }
        }
        registry.setUser(assetId, address(0), 0);
    }
}
