// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
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
contract RevenueDistributor is IRevenueDistributor, IShareCheckpoint, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Fixed-point scale of `pointsPerShare`.
    uint256 public constant MAGNITUDE = 2 ** 128;
    /// @dev Stored corrections are offset by BIAS so that a holder's slot, once written, never
    /// returns to zero (later writes cost 2,900 gas instead of 20,000); 0 means "never written".
    uint256 private constant BIAS = 2 ** 254;

    IERC20 private immutable _payout;
    address private immutable _shares;

    /// @notice Cumulative payout points per share, scaled by MAGNITUDE.
    uint256 public pointsPerShare;
    uint128 private _totalShares;
    uint128 private _excess;
    mapping(address holder => uint256) private _storedCorrection;

    /// @notice `received` payout tokens were distributed over the current shares.
    event Deposited(address indexed from, uint256 received, uint256 pointsPerShare);
    /// @notice `holder` was paid `amount` payout tokens.
    event Claimed(address indexed holder, uint256 amount);

    /// @notice Deposit of zero, or nothing arrived.
    error ZeroAmount();
    /// @notice A deposit while no shares exist.
    error NoShares();
    /// @notice The holder has less than one base unit to claim.
    error NothingToClaim(address holder);
    /// @notice Only the share token may report balance changes.
    error NotShareToken(address caller);
    /// @notice Deposit amount beyond 2^128 - 1 or share supply beyond 2^96 - 1.
    error TooLarge(uint256 value);
    /// @notice address(0) where a token is required.
    error ZeroAddress();

    constructor(IERC20 payoutToken_, address shareToken_) {
        if (address(payoutToken_) == address(0) || shareToken_ == address(0)) revert ZeroAddress();
        _payout = payoutToken_;
        _shares = shareToken_;
    }

    /// @inheritdoc IRevenueDistributor
    function payoutToken() external view returns (address) {
        return address(_payout);
    }

    /// @inheritdoc IRevenueDistributor
    function shareToken() external view returns (address) {
        return _shares;
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

    /// @notice What `holder` could claim now, in payout base units.
    function withdrawableOf(address holder) public view returns (uint256) {
        return _points(holder, IERC20(_shares).balanceOf(holder)) / MAGNITUDE;
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev Reverts with NoShares while the share supply is zero.
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        if (_totalShares == 0) revert NoShares();
        uint256 before = _payout.balanceOf(address(this));
        _payout.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = _payout.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        if (received > type(uint128).max) revert TooLarge(received);
        uint256 supply = _totalShares;
        uint256 dividend = received * MAGNITUDE;
        uint256 increment = dividend / supply;
        uint256 remainder = dividend - increment * supply;
        if (remainder != 0) {
            uint256 up = supply - remainder;
            uint256 excess = _excess;
            if (excess + up < MAGNITUDE) {
                increment += 1;
                _excess = uint128(excess + up);
            } else {
                // excess >= 2^128 - supply > 2^128 - 2^96 > remainder: no underflow.
                _excess = uint128(excess - remainder);
            }
        }
        uint256 pps = pointsPerShare + increment;
        pointsPerShare = pps;
        emit Deposited(msg.sender, received, pps);
    }

    /// @notice Pays the caller everything it can claim; reverts with NothingToClaim if < 1 unit.
    /// @return amount the payout base units sent
    function claim() external returns (uint256 amount) {
        return _claim(msg.sender);
    }

    /// @notice Pays `holder` (not the caller) everything it can claim.
    /// @return amount the payout base units sent
    function claimFor(address holder) external returns (uint256 amount) {
        return _claim(holder);
    }

    /// @inheritdoc IShareCheckpoint
    function onShareTransfer(address from, address to, uint256 value) external {
        if (msg.sender != _shares) revert NotShareToken(msg.sender);
        uint256 pps = pointsPerShare;
        int256 delta = SafeCast.toInt256(pps * value);
        if (from == address(0)) {
            uint256 supply = uint256(_totalShares) + value;
            if (supply > type(uint96).max) revert TooLarge(supply);
            _totalShares = uint128(supply);
        } else if (delta != 0) {
            _setCorrection(from, _correction(from) + delta);
        }
        if (to == address(0)) {
            _totalShares -= uint128(value);
        } else if (delta != 0 || from == address(0)) {
            _setCorrection(to, _correction(to) - delta);
        }
    }

    function _claim(address holder) private nonReentrant returns (uint256 amount) {
        int256 correction = _correction(holder);
        uint256 points = _pointsWith(correction, IERC20(_shares).balanceOf(holder));
        amount = points / MAGNITUDE;
        if (amount == 0) revert NothingToClaim(holder);
        _setCorrection(holder, correction - SafeCast.toInt256(amount * MAGNITUDE));
        _payout.safeTransfer(holder, amount);
        emit Claimed(holder, amount);
    }

    function _points(address holder, uint256 balance) private view returns (uint256) {
        return _pointsWith(_correction(holder), balance);
    }

    function _pointsWith(int256 correction, uint256 balance) private view returns (uint256) {
        return SafeCast.toUint256(SafeCast.toInt256(pointsPerShare * balance) + correction);
    }

    function _correction(address holder) private view returns (int256) {
        uint256 stored = _storedCorrection[holder];
        return stored == 0 ? int256(0) : int256(stored) - int256(BIAS);
    }

    function _setCorrection(address holder, int256 correction) private {
        _storedCorrection[holder] = uint256(correction + int256(BIAS));
    }
}
