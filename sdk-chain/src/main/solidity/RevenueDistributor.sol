// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IRevenueDistributor} from "./interfaces/IRevenueDistributor.sol";
import {IShareCheckpoint} from "./interfaces/IShareCheckpoint.sol";

/// @title Pull-based revenue distributor for the holders of one share token.
/// @notice Anyone deposits payout tokens; every holder may claim its pro-rata part at any time.
///
/// Accounting ("magnified points per share with corrections"):
/// - `pointsPerShare` grows by `received * 2^128 / totalShares` on each deposit, rounded UP while
///   the points credited beyond the deposits in total (`excessPoints`) stay below 2^128, and
///   rounded down (reducing `excessPoints`) otherwise. So sum over holders of points ==
///   2^128 * (deposits - claims) + excessPoints with 0 <= excessPoints < 2^128, and since claims
///   pay whole units (floored), the claims can never exceed the deposits. Rounding up keeps
///   exact amounts exact: a holder of a quarter of the shares of a deposit of 1,000 units can
///   claim 250, not 249. With total shares < 2^96 the upward budget lasts at least 2^32 deposits.
/// - A holder's points are `pointsPerShare * balance + correction`. Each balance change adjusts
///   the correction of both sides, so a transfer moves only FUTURE entitlement; what accrued
///   before stays with the sender. Claims subtract the paid amount (times 2^128) from the
///   correction, so a second claim finds nothing.
/// - Deposit, claim and transfer checkpoint are O(1): no loop over holders.
///
/// Precision bound (6-decimal payout token, 18-decimal shares, total shares < 2^96): a claim pays
/// whole base units; the fraction below one base unit stays with the holder's points and is paid
/// with a later claim. At any moment the unclaimable dust is therefore below one base unit per
/// holder; nothing is lost, and an account that sold all its shares can strand at most one base
/// unit (10^-6 of a dollar).
///
/// Zero supply: a deposit while no shares exist reverts with `NoShares` (nothing is held for
/// future holders). Fee-on-transfer payout tokens: a deposit is credited with the amount that
/// actually arrived (balance measured before and after); a claim sends the entitled amount and any
/// fee the token takes on that transfer is borne by the receiving holder. Deposit and claim are
/// non-reentrant and update state before paying out. Claims are not subject to compliance:
/// revenue a holder accrued while verified stays claimable after its verification is revoked.
///
/// Lease income streams by time. The lease manager bound in the asset registry opens one stream
/// per accepted lease: the holders' part of its rent, per second, for second `t` of the lease
/// credited to whoever holds shares at `t + lag` (the lease's settlement lag, the window in which
/// the lessee can still prove downtime). Every balance change and claim first accrues the streams
/// up to the current second, so buying shares earns nothing for the time before the purchase, and
/// when anyone settles has no influence on who earns what. Proven downtime and periods without
/// evidence are debited from the lease's own stream before it pays further. The lease manager
/// sends the streamed tokens when it settles (which anyone may trigger); a claim pays what is
/// owed up to the tokens present and leaves the rest owed.
///
/// Deployed only as an EIP-1167 clone by the asset registry; its payout token and registry are
/// immutables of the implementation (the same for every asset), its share token an immutable
/// argument carried in the clone's code.
contract RevenueDistributor is IRevenueDistributor, IShareCheckpoint, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Fixed-point scale of `pointsPerShare`.
    uint256 public constant MAGNITUDE = 2 ** 128;
    /// @notice Most streams open at once (the lease manager's live leases per asset).
    uint8 public constant MAX_STREAMS = 16;
    /// @dev Stored corrections are offset by BIAS so that a holder's slot, once written, never
    /// returns to zero (later writes cost 2,900 gas instead of 20,000); 0 means "never written".
    uint256 private constant BIAS = 2 ** 254;

    /// @notice One lease's stream: `rate` per second over [start, end), minus `debit` first.
    struct Stream {
        uint80 rate;
        uint32 start;
        uint32 end;
        uint80 debit;
        uint32 leaseId;
    }

    /// @notice Cumulative payout points per share, scaled by MAGNITUDE.
    uint256 public pointsPerShare;
    /// @dev One slot read by every deposit, claim and checkpoint: the supply, the rounding excess,
    /// the bitmap of occupied stream slots and whether income waits in `_carry`. With no stream
    /// open and nothing carried, accrual reads nothing else.
    uint96 private _totalShares;
    uint128 private _excess;
    uint16 private _occupied;
    bool private _carrying;
    /// @dev Income streamed while no share existed (credited with the next accrual that finds
    /// shares), and the time of the last accrual.
    uint128 private _carry;
    uint32 private _lastAccrual;
    mapping(address holder => uint256) private _storedCorrection;
    /// @dev Fixed slots, never zeroed once written, so a reused slot costs no fresh storage.
    Stream[16] private _slots;
    /// @notice `received` payout tokens were distributed over the current shares.
    event Deposited(address indexed from, uint256 received, uint256 pointsPerShare);
    /// @notice `holder` was paid `amount` payout tokens.
    event Claimed(address indexed holder, uint256 amount);
    /// @notice A lease's income stream opened in `slot`.
    event StreamOpened(uint256 indexed leaseId, uint8 slot, uint256 rate, uint40 start, uint40 end);
    /// @notice A lease's stream was cut short (termination).
    event StreamEnded(uint256 indexed leaseId, uint40 end);
    /// @notice A lease's stream was debited (SLA credit or missing evidence refunded to the lessee).
    event StreamDebited(uint256 indexed leaseId, uint256 amount);

    /// @notice Deposit of zero, or nothing arrived.
    error ZeroAmount();
    /// @notice A deposit while no shares exist.
    error NoShares();
    /// @notice The holder has less than one base unit to claim.
    error NothingToClaim(address holder);
    /// @notice Only the share token may report balance changes.
    error NotShareToken(address caller);
    /// @notice Only the lease manager bound in the registry may open or change streams.
    error NotLeaseManager(address caller);
    /// @notice Deposit amount beyond 2^128 - 1 or share supply beyond 2^96 - 1.
    error TooLarge(uint256 value);
    /// @notice A stream for this lease exists, or MAX_STREAMS are open, or the stream is invalid.
    error InvalidStream(uint256 leaseId);

    /// @dev The payout token and the registry, the same for every clone of this implementation.
    address private immutable _payoutToken;
    address private immutable _registry;

    /// @dev Created by the asset registry; the implementation is never used directly (its own
    /// clone argument is empty, so it serves no share token).
    constructor(address payoutToken_, address registry_) {
        _payoutToken = payoutToken_;
        _registry = registry_;
    }

    /// @inheritdoc IRevenueDistributor
    function payoutToken() public view returns (address) {
        return _payoutToken;
    }

    /// @inheritdoc IRevenueDistributor
    function shareToken() public view returns (address s) {
        bytes memory a = Clones.fetchCloneArgs(address(this));
        if (a.length != 20) return address(0);
        // abi.encodePacked(address shareToken)
        assembly ("memory-safe") {
            s := shr(96, mload(add(a, 32)))
        }
    }

    /// @notice The asset registry whose bound lease manager feeds the streams.
    function registry() public view returns (address) {
        return _registry;
    }

    /// @notice Shares the distributor accounts for (equals the share token's total supply).
    function totalShares() external view returns (uint256) {
        return _totalShares;
    }

    /// @notice Points (scaled by MAGNITUDE) credited beyond the deposits by rounding up, in
    /// total; always < MAGNITUDE, so all claims together never exceed the deposits.
    function excessPoints() external view returns (uint256) {
        return _excess;
    }

    /// @notice The stream in `slot` (a slot whose bit is clear in `openStreams` is free).
    function streamOf(uint8 slot) external view returns (Stream memory) {
        return _slots[slot];
    }

    /// @notice The slots of the open streams.
    function openStreams() external view returns (uint256[] memory slots) {
        uint256 bits = _occupied;
        uint256 n;
        for (uint256 b = bits; b != 0; b >>= 1) n += b & 1;
        slots = new uint256[](n);
        n = 0;
        for (uint256 i = 0; bits >> i != 0; ++i) {
            if (bits & (1 << i) != 0) slots[n++] = i;
        }
    }

    /// @notice Writes a placeholder into the first `count` free stream slots that were never
    /// used, so that the first leases of the asset do not pay for fresh storage; anyone may call
    /// (the registry does at registration).
    function prepareStreams(uint8 count) external {
        for (uint256 i = 0; i < count && i < MAX_STREAMS; ++i) {
            if (_slots[i].end == 0) _slots[i].end = 1;
        }
    }

    /// @notice What `holder` is owed now (streams accrued to this second), in payout base units;
    /// a claim pays it up to the tokens the distributor holds.
    function withdrawableOf(address holder) public view returns (uint256) {
        uint256 pps = pointsPerShare;
        if (_totalShares != 0) {
            (uint256 streamed,) = _pending();
            uint256 pending = streamed + _carry;
            if (pending != 0) {
                (uint256 increment,) = _increment(pending);
                pps += increment;
            }
        }
        return SafeCast.toUint256(
            SafeCast.toInt256(pps * IERC20(shareToken()).balanceOf(holder)) + _correction(holder)
        ) / MAGNITUDE;
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev Reverts with NoShares while the share supply is zero.
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        if (_totalShares == 0) revert NoShares();
        _accrue();
        IERC20 payout = IERC20(_payoutToken);
        uint256 before = payout.balanceOf(address(this));
        payout.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = payout.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        if (received > type(uint128).max) revert TooLarge(received);
        _addPoints(received);
        emit Deposited(msg.sender, received, pointsPerShare);
    }

    /// @notice Pays the caller what it is owed; reverts with NothingToClaim if < 1 unit is payable.
    /// @return amount the payout base units sent
    function claim() external returns (uint256 amount) {
        return _claim(msg.sender);
    }

    /// @notice Pays `holder` (not the caller) what it is owed.
    /// @return amount the payout base units sent
    function claimFor(address holder) external returns (uint256 amount) {
        return _claim(holder);
    }

    // ------------------------------------------------------------------ streams (lease manager)

    /// @notice Opens lease `leaseId`'s stream of `rate` per second over [start, end); returns its slot.
    function openStream(uint256 leaseId, uint96 rate, uint40 start, uint40 end) external returns (uint8 slot) {
        _onlyLeaseManager();
        _accrue();
        uint256 bits = _occupied;
        if (end <= start || rate == 0 || rate > type(uint80).max || end > type(uint32).max || leaseId > type(uint32).max)
        {
            revert InvalidStream(leaseId);
        }
        while (slot < MAX_STREAMS && bits & (1 << slot) != 0) ++slot;
        if (slot == MAX_STREAMS) revert InvalidStream(leaseId);
        // No write of `_lastAccrual` when no stream was open: a new stream starts at or after
        // now, so accrual counts it from its start whatever the last accrual time says.
        _slots[slot] = Stream(uint80(rate), uint32(start), uint32(end), 0, uint32(leaseId));
        _occupied = uint16(bits | (1 << slot));
        emit StreamOpened(leaseId, slot, rate, start, end);
    }

    /// @notice Ends lease `leaseId`'s stream in `slot` at `end` (not before now); the debit is
    /// capped at what the stream still pays. No effect if the slot holds another lease's stream.
    function endStream(uint8 slot, uint256 leaseId, uint40 end) external {
        _onlyLeaseManager();
        _accrue();
        Stream storage s = _slots[slot];
        if (!_holds(slot, leaseId)) return;
        uint256 from = block.timestamp > s.start ? block.timestamp : s.start;
        if (end < from) end = uint40(from);
        if (end >= s.end) return;
        s.end = uint32(end);
        uint256 left = uint256(s.rate) * (end - from);
        if (s.debit > left) s.debit = uint80(left);
        emit StreamEnded(leaseId, end);
    }

    /// @notice Debits up to `amount` from what lease `leaseId`'s stream in `slot` pays next, as far
    /// as it has not streamed yet; returns the part debited (0 if the stream is over).
    function debitStream(uint8 slot, uint256 leaseId, uint256 amount) external returns (uint256 debited) {
        _onlyLeaseManager();
        _accrue();
        if (!_holds(slot, leaseId)) return 0;
        Stream storage s = _slots[slot];
        uint256 from = block.timestamp > s.start ? block.timestamp : s.start;
        uint256 left = s.end > from ? uint256(s.rate) * (s.end - from) : 0;
        uint256 existing = s.debit;
        uint256 room = left > existing ? left - existing : 0;
        debited = amount < room ? amount : room;
        if (debited != 0) {
            s.debit = uint80(existing + debited);
            emit StreamDebited(leaseId, debited);
        }
    }

    /// @notice Accrues the open streams up to now; anyone may call.
    function accrue() external {
        _accrue();
    }

    // ------------------------------------------------------------------ share checkpoint

    /// @inheritdoc IShareCheckpoint
    function onShareTransfer(address from, address to, uint256 value) external {
        if (msg.sender != shareToken()) revert NotShareToken(msg.sender);
        _accrue();
        uint256 pps = pointsPerShare;
        int256 delta = SafeCast.toInt256(pps * value);
        if (from == address(0)) {
            uint256 supply = uint256(_totalShares) + value;
            if (supply > type(uint96).max) revert TooLarge(supply);
            _totalShares = uint96(supply);
        } else if (delta != 0) {
            _setCorrection(from, _correction(from) + delta);
        }
        if (to == address(0)) {
            _totalShares -= uint96(value);
        } else if (delta != 0 || from == address(0)) {
            _setCorrection(to, _correction(to) - delta);
        }
    }

    // ------------------------------------------------------------------ internals

    function _claim(address holder) private nonReentrant returns (uint256 amount) {
        _accrue();
        int256 correction = _correction(holder);
        uint256 points = SafeCast.toUint256(
            SafeCast.toInt256(pointsPerShare * IERC20(shareToken()).balanceOf(holder)) + correction
        );
        amount = points / MAGNITUDE;
        IERC20 payout = IERC20(_payoutToken);
        uint256 held = payout.balanceOf(address(this));
        if (amount > held) amount = held;
        if (amount == 0) revert NothingToClaim(holder);
        _setCorrection(holder, correction - SafeCast.toInt256(amount * MAGNITUDE));
        payout.safeTransfer(holder, amount);
        emit Claimed(holder, amount);
    }

    /// @dev Credits the streams' income since the last accrual to the current holders.
    function _accrue() private {
        uint256 bits = _occupied;
        if (bits == 0 && !_carrying) return;
        uint256 total;
        if (bits != 0 && _lastAccrual != block.timestamp) {
            uint256 last = _lastAccrual;
            uint256 remaining = bits;
            for (uint256 i = 0; remaining >> i != 0; ++i) {
                if (remaining & (1 << i) == 0) continue;
                Stream memory s = _slots[i];
                uint256 from = last > s.start ? last : s.start;
                uint256 to = block.timestamp < s.end ? block.timestamp : s.end;
                if (to > from) {
                    uint256 amount = uint256(s.rate) * (to - from);
                    if (s.debit != 0) {
                        uint256 take = amount < s.debit ? amount : s.debit;
                        _slots[i].debit = uint80(s.debit - take);
                        amount -= take;
                    }
                    total += amount;
                }
                if (block.timestamp >= s.end) bits &= ~(1 << i);
            }
            _lastAccrual = uint32(block.timestamp);
            if (bits != remaining) _occupied = uint16(bits);
        }
        uint256 carry = _carry;
        if (total == 0 && carry == 0) return;
        if (_totalShares == 0) {
            _carry = uint128(carry + total);
            if (!_carrying) _carrying = true;
            return;
        }
        if (carry != 0) {
            _carry = 0;
            _carrying = false;
        }
        _addPoints(total + carry);
    }

    /// @dev What the streams would accrue now, without writing; and the debit they would absorb.
    function _pending() private view returns (uint256 total, uint256 absorbed) {
        uint256 bits = _occupied;
        uint256 last = _lastAccrual;
        for (uint256 i = 0; bits >> i != 0; ++i) {
            if (bits & (1 << i) == 0) continue;
            Stream memory s = _slots[i];
            uint256 from = last > s.start ? last : s.start;
            uint256 to = block.timestamp < s.end ? block.timestamp : s.end;
            if (to > from) {
                uint256 amount = uint256(s.rate) * (to - from);
                uint256 take = amount < s.debit ? amount : s.debit;
                absorbed += take;
                total += amount - take;
            }
        }
    }

    function _holds(uint8 slot, uint256 leaseId) private view returns (bool) {
        return slot < MAX_STREAMS && _occupied & (1 << slot) != 0 && _slots[slot].leaseId == leaseId;
    }

    /// @dev pointsPerShare += received * MAGNITUDE / supply, rounded up within the excess budget.
    function _addPoints(uint256 received) private {
        (uint256 increment, uint256 excess) = _increment(received);
        _excess = uint128(excess);
        pointsPerShare += increment;
    }

    /// @dev The increment of a credit of `received` and the excess after it.
    function _increment(uint256 received) private view returns (uint256 increment, uint256 excess) {
        uint256 supply = _totalShares;
        uint256 dividend = received * MAGNITUDE;
        increment = dividend / supply;
        uint256 remainder = dividend - increment * supply;
        excess = _excess;
        if (remainder != 0) {
            uint256 up = supply - remainder;
            if (excess + up < MAGNITUDE) {
                increment += 1;
                excess += up;
            } else {
                // excess >= 2^128 - supply > 2^128 - 2^96 > remainder: no underflow.
                excess -= remainder;
            }
        }
    }

    function _onlyLeaseManager() private view {
        if (msg.sender != ILeaseManagerBinding(_registry).leaseManager()) revert NotLeaseManager(msg.sender);
    }

    function _correction(address holder) private view returns (int256) {
        uint256 stored = _storedCorrection[holder];
        return stored == 0 ? int256(0) : int256(stored) - int256(BIAS);
    }

    function _setCorrection(address holder, int256 correction) private {
        _storedCorrection[holder] = uint256(correction + int256(BIAS));
    }

}

/// @dev The registry's set-once lease manager, as the distributor reads it.
interface ILeaseManagerBinding {
    function leaseManager() external view returns (address);
}
