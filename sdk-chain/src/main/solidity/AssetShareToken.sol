// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IComplianceRegistry} from "./interfaces/IComplianceRegistry.sol";
import {IRevenueDistributor} from "./interfaces/IRevenueDistributor.sol";

/// @title Transfer-restricted fractional shares of one compute asset (ERC-20, 18 decimals) that
/// are also the asset's pull-based revenue distributor.
/// @notice Shares. Every balance change (issue, transfer, burn) requires both sides to be verified
/// in the compliance registry. The supply is issued once: by the registry in the registering
/// transaction, or, for an asset registered without holders, by one `issue` of the issuer (the
/// registrar that registered the asset) while no share exists and nothing was ever credited to
/// shares. Once shares exist nobody can mint more, so no holder's part of future income can be
/// diluted without its consent (a holder consents by selling). The issuer may burn a holder's
/// shares only through `complianceBurn`, which names a reason code and emits `ComplianceBurn`:
/// there is no silent forced burn or transfer. Revenue a holder accrued before a burn stays
/// claimable by that holder.
///
/// Revenue. Anyone deposits payout tokens; every holder claims its pro-rata part at any time.
/// Accounting ("magnified points per share with corrections"):
/// - `pointsPerShare` grows by `received * 2^128 / totalShares` on each credit, rounded UP while
///   the points credited beyond the deposits in total (`excessPoints`) stay below EXCESS_CAP
///   (2^112), and rounded down (reducing `excessPoints`) otherwise. So the points of all holders
///   together never exceed 2^128 * (credits - claims) + excessPoints < 2^128 * (credits - claims + 1),
///   and since claims pay whole units (floored), all claims together never exceed the credits.
///   Rounding up keeps exact amounts exact: a holder of a quarter of the shares of a deposit of
///   1,000 units can claim 250, not 249. The upward budget lasts at least 2^112 / totalShares
///   credits (2^24 at MAX_SUPPLY, 2^42 for 1,000 whole shares), rounding down afterwards.
/// - A holder's points are `pointsPerShare * balance + correction`; the correction is stored in
///   units of CORRECTION_UNIT (2^18) points in the SAME storage slot as the balance, so a balance
///   change reads and writes one slot per side. A move of `v` shares changes the sender's
///   correction by `+pointsPerShare * v` rounded down and the receiver's by `-pointsPerShare * v`
///   rounded down (both towards less entitlement). For whole shares (multiples of 10^18, hence of
///   2^18) the change is exact; otherwise each side loses less than 2^18 points = 2^-110 payout
///   base units per move (the only dust rounding adds; it stays in the contract, unclaimed).
///   A move shifts only FUTURE entitlement: what accrued before stays with the sender. A claim
///   subtracts the paid amount (times 2^128, exact) from the correction, so a second claim finds
///   nothing.
/// - Deposit, claim and transfer are O(1): no loop over holders.
///
/// Bounds (each enforced with a typed revert, never wrapped):
/// - MAX_SUPPLY = 2^88 - 1 share base units (309,485,009 whole shares): `SupplyTooLarge`.
/// - MAX_CREDITED = 2^54 - 1 payout base units credited over the life of the asset, counting each
///   deposit and each lease stream in full when it opens (about 18 billion whole units of a
///   6-decimal stablecoin): beyond it a deposit or a new stream reverts with `IncomeCapExceeded`.
///   The bound keeps `pointsPerShare` below 2^183 and every correction within its 168 bits.
///
/// Precision (claims pay whole base units): the fraction below one base unit stays with the
/// holder's points and is paid with a later claim, so the unclaimable dust is below one base unit
/// per holder at any moment; an account that sold all its shares can strand less than one base
/// unit (10^-6 of a dollar for a 6-decimal payout token).
///
/// Seed: the registry moves one payout base unit into each new share token at registration, when
/// its float allows (see `ComputeAssetRegistry`), so that the payout token's balance slot of this
/// contract exists before the first deposit. No entitlement counts it: a deposit credits only what
/// it brought, and claims pay entitlements. A claim may pay an owed unit out of it while streamed
/// income is not yet sent; the settlement that sends it restores the unit.
///
/// Zero supply: a deposit while no shares exist reverts with `NoShares`. Fee-on-transfer payout
/// tokens: a deposit is credited with the amount that actually arrived; a claim sends the entitled
/// amount and any fee the token takes on it is borne by the receiving holder. Deposit and claim
/// are non-reentrant and update state before paying out. Claims are not subject to compliance:
/// revenue a holder accrued while verified stays claimable after its verification is revoked.
///
/// Lease income streams by time. The lease manager bound in the asset registry opens one stream
/// per accepted lease: the holders' part of its rent, per second, for second `t` of the lease
/// credited to whoever holds shares at `t + lag` (the lease's settlement lag, the window in which
/// the lessee can still prove downtime). Every balance change and stream change first accrues
/// the streams up to the current second, so buying shares earns nothing for the time before the
/// purchase, and when anyone settles has no influence on who earns what. A deposit or a claim
/// changes no balance and leaves the streams to the next accrual; a claim pays against the
/// points per share that accrual would give up to its second, without writing them. Proven
/// downtime and periods without evidence are debited from the lease's own stream before it pays further. The lease manager
/// sends the streamed tokens when it settles (which anyone may trigger); a claim pays what is owed
/// up to the tokens present and leaves the rest owed.
///
/// Deployed only as an EIP-1167 minimal proxy (clone) by the asset registry, in the transaction
/// that registers the asset. What all clones share (registry, compliance registry, payout token)
/// is an immutable of the implementation; what is per asset (asset id, issuer, and the lease
/// manager if the registry had bound it at registration) is carried in the clone's code as
/// immutable arguments. Neither costs a storage read.
/// @dev Storage is hand-packed because OpenZeppelin's ERC20 layout (a balance mapping) cannot hold
/// a checkpoint next to each balance. Slot `_hot` holds what a transfer, claim or deposit reads:
/// points per share (bits 0-183), the open-stream bitmap (184-199), the carry flag (200), a
/// never-zero marker (201) and the income credited so far (202-255).
contract AssetShareToken is IERC20, IERC20Metadata, IERC20Errors, IRevenueDistributor, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Fixed-point scale of `pointsPerShare`.
    uint256 public constant MAGNITUDE = 2 ** 128;
    /// @notice Most share base units that can exist.
    uint256 public constant MAX_SUPPLY = 2 ** 88 - 1;
    /// @notice Most payout base units ever credited to the shares (deposits plus opened streams).
    uint256 public constant MAX_CREDITED = 2 ** 54 - 1;
    /// @notice Rounding up stops while `excessPoints` would reach this.
    uint256 public constant EXCESS_CAP = 2 ** 112;
    /// @notice Points per stored correction unit.
    uint256 public constant CORRECTION_UNIT = 2 ** 18;
    /// @notice Most streams open at once (the lease manager's live leases per asset).
    uint8 public constant MAX_STREAMS = 16;

    uint256 private constant PPS_MASK = (1 << 184) - 1;
    uint256 private constant STREAMS_SHIFT = 184;
    uint256 private constant CARRY_FLAG = 1 << 200;
    /// @dev Set by `prepareStreams` (at registration) so that the hot slot is never written from
    /// zero by a transfer, deposit or the first lease (20,000 gas instead of 2,900).
    uint256 private constant PREPARED_FLAG = 1 << 201;
    uint256 private constant CREDITED_SHIFT = 202;
    uint256 private constant BALANCE_MASK = (1 << 88) - 1;
    uint256 private constant SUPPLY_MASK = (1 << 88) - 1;
    uint256 private constant EXCESS_SHIFT = 88;
    uint256 private constant EXCESS_MASK = (1 << 112) - 1;
    uint256 private constant ACCRUAL_SHIFT = 200;
    /// @dev Stored corrections are offset by CORRECTION_BIAS so that a holder's slot, once written,
    /// never returns to zero (a later write costs 2,900 gas instead of 20,000).
    int256 private constant CORRECTION_BIAS = 2 ** 167;

    /// @notice One lease's stream: `rate` per second over [start, end). Debits come out of what it
    /// has not streamed yet, first: it pays again only once its gross amount since `start`
    /// (`rate * seconds`) passes `payFrom`, so absorbing a debit writes nothing.
    struct Stream {
        uint80 rate;
        uint32 start;
        uint32 end;
        uint80 payFrom;
        uint32 leaseId;
    }

    /// @dev Points per share | open-stream bitmap | carry flag | marker | income credited (see the contract @dev).
    uint256 private _hot;
    /// @dev Read by deposits and by accruals of open streams, hand-packed so that each operation
    /// reads and writes it once: supply (bits 0-87), rounding excess (88-199), last accrual (200-231).
    uint256 private _totals;
    /// @dev Income streamed while no share existed, credited with the next accrual that finds shares.
    uint128 private _carry;
    /// @dev Balance (bits 0-87) and biased correction in CORRECTION_UNITs (bits 88-255); 0: never written.
    mapping(address holder => uint256) private _accounts;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;
    /// @dev Fixed slots, never zeroed once written, so a reused slot costs no fresh storage.
    Stream[16] private _slots;

    /// @notice `amount` shares of `holder` were burned by the issuer for `reason`.
    event ComplianceBurn(address indexed holder, uint256 amount, bytes32 indexed reason, address indexed issuer);
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

    /// @notice `account` is not a verified holder.
    error NotVerified(address account);
    /// @notice Caller may not do this.
    error Unauthorized(address caller);
    /// @notice A compliance burn must name a reason.
    error MissingReason();
    /// @notice Shares exist already, or existed and earned: the supply is issued once.
    error SupplyFixed(uint256 totalSupply);
    /// @notice Holders and amounts differ in length, are empty, or an amount is zero.
    error InvalidIssue();
    /// @notice The supply would exceed MAX_SUPPLY.
    error SupplyTooLarge(uint256 supply, uint256 max);
    /// @notice The income credited over the asset's life would exceed MAX_CREDITED.
    error IncomeCapExceeded(uint256 credited, uint256 max);
    /// @notice A correction left its 168 bits (unreachable while MAX_CREDITED holds; checked anyway).
    error CorrectionOutOfRange(address holder);
    /// @notice Deposit of zero, or nothing arrived.
    error ZeroAmount();
    /// @notice A deposit while no shares exist.
    error NoShares();
    /// @notice The holder has less than one base unit to claim.
    error NothingToClaim(address holder);
    /// @notice Only the lease manager bound in the registry may open or change streams.
    error NotLeaseManager(address caller);
    /// @notice A stream for this lease exists, or MAX_STREAMS are open, or the stream is invalid.
    error InvalidStream(uint256 leaseId);

    /// @dev The asset registry, the holder allowlist and the payout token: the same for every clone.
    address private immutable _registry;
    IComplianceRegistry private immutable _compliance;
    address private immutable _payoutToken;

    /// @dev Created by the asset registry; the implementation is never used directly (its own
    /// clone arguments are empty, so it has no asset and no issuer).
    constructor(address registry_, IComplianceRegistry compliance_, address payoutToken_) {
        _registry = registry_;
        _compliance = compliance_;
        _payoutToken = payoutToken_;
    }

    // ------------------------------------------------------------------ identity

    /// @notice The asset registry that created these shares.
    function registry() public view returns (address) {
        return _registry;
    }

    /// @notice The registry asset these shares are fractions of.
    function assetId() public view returns (uint256 id) {
        (id,,) = _args();
    }

    /// @notice The holder allowlist consulted on every balance change.
    function compliance() public view returns (IComplianceRegistry) {
        return _compliance;
    }

    /// @notice The account that may issue and compliance-burn.
    function issuer() public view returns (address i) {
        (, i,) = _args();
    }

    /// @inheritdoc IRevenueDistributor
    function payoutToken() public view returns (address) {
        return _payoutToken;
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev The shares are their own distributor: this contract.
    function shareToken() public view returns (address) {
        return address(this);
    }

    /// @notice "ComputeRWA asset <id> shares".
    function name() public view returns (string memory) {
        return string.concat("ComputeRWA asset ", Strings.toString(assetId()), " shares");
    }

    /// @notice "CRWA<id>".
    function symbol() public view returns (string memory) {
        return string.concat("CRWA", Strings.toString(assetId()));
    }

    /// @notice 18.
    function decimals() public pure returns (uint8) {
        return 18;
    }

    // ------------------------------------------------------------------ ERC-20

    /// @inheritdoc IERC20
    function totalSupply() public view returns (uint256) {
        return _totals & SUPPLY_MASK;
    }

    /// @inheritdoc IERC20
    function balanceOf(address account) public view returns (uint256) {
        return _accounts[account] & BALANCE_MASK;
    }

    /// @inheritdoc IERC20
    function allowance(address owner, address spender) public view returns (uint256) {
        return _allowances[owner][spender];
    }

    /// @inheritdoc IERC20
    function approve(address spender, uint256 value) external returns (bool) {
        if (spender == address(0)) revert ERC20InvalidSpender(address(0));
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @inheritdoc IERC20
    function transfer(address to, uint256 value) external returns (bool) {
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(msg.sender, to, value);
        return true;
    }

    /// @inheritdoc IERC20
    /// @dev An allowance of type(uint256).max is never decreased; no Approval event is emitted.
    /// As in OpenZeppelin's ERC20, the allowance is checked before the zero addresses.
    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 current = _allowances[from][msg.sender];
        if (current != type(uint256).max) {
            if (current < value) revert ERC20InsufficientAllowance(msg.sender, current, value);
            unchecked {
                _allowances[from][msg.sender] = current - value;
            }
        }
        if (from == address(0)) revert ERC20InvalidSender(address(0));
        if (to == address(0)) revert ERC20InvalidReceiver(address(0));
        _update(from, to, value);
        return true;
    }

    // ------------------------------------------------------------------ issue and burn

    /// @notice Issues the whole supply at once: `amounts[i]` shares to each verified holder
    /// `holders[i]`; the issuer or the registry, only while no share exists and none ever earned.
    function issue(address[] calldata holders, uint256[] calldata amounts) external {
        if (msg.sender != _registry && msg.sender != issuer()) revert Unauthorized(msg.sender);
        uint256 supply = _totals & SUPPLY_MASK;
        if (supply != 0 || _hot & PPS_MASK != 0) revert SupplyFixed(supply);
        if (holders.length == 0 || holders.length != amounts.length) revert InvalidIssue();
        for (uint256 i = 0; i < holders.length; ++i) {
            if (amounts[i] == 0) revert InvalidIssue();
            if (holders[i] == address(0)) revert ERC20InvalidReceiver(address(0));
            _update(address(0), holders[i], amounts[i]);
        }
    }

    /// @notice Burns `amount` shares of `holder` as a compliance action (court order, sanctions,
    /// redemption); issuer only, with a non-zero reason code, always evented.
    function complianceBurn(address holder, uint256 amount, bytes32 reason) external {
        if (msg.sender != issuer()) revert Unauthorized(msg.sender);
        if (reason == bytes32(0)) revert MissingReason();
        if (holder == address(0)) revert ERC20InvalidSender(address(0));
        _update(holder, address(0), amount);
        emit ComplianceBurn(holder, amount, reason, msg.sender);
    }

    // ------------------------------------------------------------------ revenue

    /// @notice Shares the distribution accounts for (the total supply).
    function totalShares() external view returns (uint256) {
        return _totals & SUPPLY_MASK;
    }

    /// @notice Cumulative payout points per share, scaled by MAGNITUDE.
    function pointsPerShare() external view returns (uint256) {
        return _hot & PPS_MASK;
    }

    /// @notice Points (scaled by MAGNITUDE) credited beyond the credits by rounding up, in total;
    /// always < EXCESS_CAP, so all claims together never exceed the credits.
    function excessPoints() external view returns (uint256) {
        return (_totals >> EXCESS_SHIFT) & EXCESS_MASK;
    }

    /// @notice Payout base units credited so far: deposits plus opened streams in full (<= MAX_CREDITED).
    function creditedIncome() external view returns (uint256) {
        return _hot >> CREDITED_SHIFT;
    }

    /// @notice The stream in `slot` (a slot whose bit is clear in `openStreams` is free).
    function streamOf(uint8 slot) external view returns (Stream memory) {
        return _slots[slot];
    }

    /// @notice What the stream in `slot` will withhold before it pays again (debits not absorbed yet).
    function pendingDebitOf(uint8 slot) external view returns (uint256) {
        Stream memory s = _slots[slot];
        uint256 gross = _gross(s, block.timestamp);
        return s.payFrom > gross ? s.payFrom - gross : 0;
    }

    /// @notice The slots of the open streams.
    function openStreams() external view returns (uint256[] memory slots) {
        uint256 bits = _streamBits(_hot);
        uint256 n;
        for (uint256 b = bits; b != 0; b >>= 1) n += b & 1;
        slots = new uint256[](n);
        n = 0;
        for (uint256 i = 0; bits >> i != 0; ++i) {
            if (bits & (1 << i) != 0) slots[n++] = i;
        }
    }

    /// @notice Writes a placeholder into the first `count` stream slots that were never used, so
    /// that the first leases of the asset do not pay for fresh storage; anyone may call (the
    /// registry does at registration).
    function prepareStreams(uint8 count) external {
        for (uint256 i = 0; i < count && i < MAX_STREAMS; ++i) {
            if (_slots[i].end == 0) _slots[i].end = 1;
        }
        uint256 hot = _hot;
        if (hot & PREPARED_FLAG == 0) _hot = hot | PREPARED_FLAG;
    }

    /// @notice What `holder` is owed now (streams accrued to this second), in payout base units;
    /// a claim pays it up to the tokens the contract holds.
    function withdrawableOf(address holder) public view returns (uint256) {
        (uint256 balance, int256 correction) = _account(holder);
        return _owed(_pointsPerShareNow(), balance, correction);
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev Reverts with NoShares while the supply is zero, IncomeCapExceeded beyond MAX_CREDITED.
    /// Does not accrue the streams (see the body), so its cost does not depend on them.
    function deposit(uint256 amount) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        if (_totals & SUPPLY_MASK == 0) revert NoShares();
        IERC20 payout = IERC20(_payoutToken);
        uint256 before = payout.balanceOf(address(this));
        payout.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = payout.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        // No accrual of the streams: no balance and no supply changed since the last accrual
        // (every change accrues first), so crediting the streamed income at the next transfer,
        // claim or stream change pays the same holders the same shares. State is read after the
        // payout token's call, so nothing a token hook did in between is overwritten.
        uint256 hot = _hot;
        uint256 t = _totals;
        uint256 credited = (hot >> CREDITED_SHIFT) + received;
        if (credited > MAX_CREDITED) revert IncomeCapExceeded(credited, MAX_CREDITED);
        uint256 pps;
        (pps, t) = _credit(hot & PPS_MASK, received, t);
        _hot = (credited << CREDITED_SHIFT) | (hot & ~PPS_MASK & ((1 << CREDITED_SHIFT) - 1)) | pps;
        _totals = t;
        emit Deposited(msg.sender, received, pps);
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

    /// @notice Accrues the open streams up to now; anyone may call.
    function accrue() external {
        _accrue();
    }

    // ------------------------------------------------------------------ streams (lease manager)

    /// @inheritdoc IRevenueDistributor
    /// @dev The stream counts in full against MAX_CREDITED when it opens.
    function openStream(uint256 leaseId, uint96 rate, uint40 start, uint40 end) external returns (uint8 slot) {
        _onlyLeaseManager();
        uint256 hot = _accrue();
        if (end <= start || rate == 0 || rate > type(uint80).max || end > type(uint32).max || leaseId > type(uint32).max)
        {
            revert InvalidStream(leaseId);
        }
        uint256 credited = (hot >> CREDITED_SHIFT) + uint256(rate) * (end - start);
        if (credited > MAX_CREDITED) revert IncomeCapExceeded(credited, MAX_CREDITED);
        uint256 bits = _streamBits(hot);
        while (slot < MAX_STREAMS && bits & (1 << slot) != 0) ++slot;
        if (slot == MAX_STREAMS) revert InvalidStream(leaseId);
        // No write of the last accrual time when no stream was open: a new stream starts at or after
        // now, so accrual counts it from its start whatever the last accrual time says.
        _slots[slot] = Stream(uint80(rate), uint32(start), uint32(end), 0, uint32(leaseId));
        _hot = (credited << CREDITED_SHIFT) | (hot & ((1 << CREDITED_SHIFT) - 1)) | (1 << (STREAMS_SHIFT + slot));
        emit StreamOpened(leaseId, slot, rate, start, end);
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev Not before now; the debit is capped at what the stream still pays, and the part above
    /// the cap is returned as released. No effect (0) if the slot holds another lease's stream.
    function endStream(uint8 slot, uint256 leaseId, uint40 end) external returns (uint256 released) {
        _onlyLeaseManager();
        uint256 hot = _accrue();
        if (!_holds(hot, slot, leaseId)) return 0;
        Stream storage s = _slots[slot];
        uint256 from = block.timestamp > s.start ? block.timestamp : s.start;
        if (end < from) end = uint40(from);
        if (end >= s.end) return 0;
        s.end = uint32(end);
        // a pending debit shrinks to what the shortened stream still pays
        uint256 cap = uint256(s.rate) * (end - s.start);
        uint256 payFrom = s.payFrom;
        if (payFrom > cap) {
            released = payFrom - cap;
            s.payFrom = uint80(cap);
        }
        emit StreamEnded(leaseId, end);
    }

    /// @inheritdoc IRevenueDistributor
    /// @dev As far as the stream has not streamed yet; 0 if the stream is over.
    function debitStream(uint8 slot, uint256 leaseId, uint256 amount) external returns (uint256 debited) {
        _onlyLeaseManager();
        uint256 hot = _accrue();
        if (!_holds(hot, slot, leaseId)) return 0;
        Stream storage s = _slots[slot];
        uint256 from = block.timestamp > s.start ? block.timestamp : s.start;
        if (s.end <= from) return 0;
        uint256 left = uint256(s.rate) * (s.end - from);
        uint256 streamed = uint256(s.rate) * (from - s.start);
        uint256 payFrom = s.payFrom > streamed ? s.payFrom : streamed;
        uint256 existing = payFrom - streamed;
        uint256 room = left > existing ? left - existing : 0;
        debited = amount < room ? amount : room;
        if (debited != 0) {
            s.payFrom = uint80(payFrom + debited);
            emit StreamDebited(leaseId, debited);
        }
    }

    // ------------------------------------------------------------------ internals

    /// @dev The compliance check, the accrual and both sides' balance and correction, for every
    /// balance change (address(0) is the issue or burn side).
    function _update(address from, address to, uint256 value) private {
        (bool fromOk, bool toOk) = _compliance.verifiedPair(from, to);
        if (!fromOk) revert NotVerified(from);
        if (!toOk) revert NotVerified(to);
        uint256 pointsMoved = (_accrue() & PPS_MASK) * value;
        if (from == address(0)) {
            uint256 t = _totals;
            uint256 supply = (t & SUPPLY_MASK) + value;
            if (supply > MAX_SUPPLY) revert SupplyTooLarge(supply, MAX_SUPPLY);
            _totals = (t & ~SUPPLY_MASK) | supply;
        } else {
            (uint256 balance, int256 correction) = _account(from);
            if (balance < value) revert ERC20InsufficientBalance(from, balance, value);
            // rounded down: the sender keeps at most the points it had
            _store(from, balance - value, correction + int256(pointsMoved / CORRECTION_UNIT));
        }
        if (to == address(0)) {
            // value <= the holder's balance <= supply
            _totals -= value;
        } else {
            (uint256 balance, int256 correction) = _account(to);
            // rounded up, so the receiver gains at most the points of its new shares
            _store(to, balance + value, correction - int256((pointsMoved + CORRECTION_UNIT - 1) / CORRECTION_UNIT));
        }
        emit Transfer(from, to, value);
    }

    /// @dev Pays in one call to the payout token when it holds the amount (the common case: no
    /// balance query first). When the transfer fails, it pays what the contract holds instead and
    /// leaves the rest owed; if that fails too, the token's own revert stands. The failed transfer
    /// changed nothing (its state is rolled back), and the holder's correction is written before
    /// each transfer.
    /// The claim does not write the accrual: it pays against the points per share the streams'
    /// income up to this second adds (as `withdrawableOf` reads them), and leaves that income to
    /// the next accrual. No balance changed since the last accrual (every balance change accrues
    /// first), so that accrual credits the same income to the same holders, and its one credit
    /// over the whole time is at least the claim's (the increment never falls as income grows):
    /// the claimant never got points the accrual does not give it. (One exception, once the
    /// rounding-up budget is spent: a deposit between the claim and the accrual can move the
    /// excess past EXCESS_CAP so that the accrual rounds down where the claim rounded up; the
    /// claimant then got at most one point per share too many, fewer than 2^88 points over all
    /// holders, which the bound on all claims together absorbs: 2^112 + 2^88 < 2^128.)
    function _claim(address holder) private nonReentrant returns (uint256 amount) {
        uint256 pps = _pointsPerShareNow();
        (uint256 balance, int256 correction) = _account(holder);
        amount = _owed(pps, balance, correction);
        if (amount == 0) revert NothingToClaim(holder);
        _store(holder, balance, correction - int256(amount * (MAGNITUDE / CORRECTION_UNIT)));
        IERC20 payout = IERC20(_payoutToken);
        if (!payout.trySafeTransfer(holder, amount)) {
            uint256 held = payout.balanceOf(address(this));
            if (held == 0) revert NothingToClaim(holder);
            if (held < amount) {
                amount = held;
                _store(holder, balance, correction - int256(amount * (MAGNITUDE / CORRECTION_UNIT)));
            }
            payout.safeTransfer(holder, amount);
        }
        emit Claimed(holder, amount);
    }

    /// @dev Credits the streams' income since the last accrual to the current holders; returns
    /// the hot slot as it is afterwards. With no stream open and nothing carried it reads one slot.
    function _accrue() private returns (uint256 hot) {
        uint256 before = _hot;
        if (_streamBits(before) == 0 && before & CARRY_FLAG == 0) return before;
        uint256 t0 = _totals;
        uint256 t;
        (hot, t) = _accrued(before, t0);
        if (t != t0) _totals = t;
        if (hot != before) _hot = hot;
    }

    /// @dev The hot slot and the totals after accruing the streams up to now, for the caller to
    /// write; writes only the carry when no share exists.
    function _accrued(uint256 hot, uint256 t) private returns (uint256, uint256) {
        uint256 bits = _streamBits(hot);
        if (bits == 0 && hot & CARRY_FLAG == 0) return (hot, t);
        uint256 total;
        uint256 last = t >> ACCRUAL_SHIFT;
        if (bits != 0 && last != block.timestamp) {
            uint256 remaining = bits;
            // unchecked: at most 16 streams of at most 2^112 each (see _gross); i < 16
            unchecked {
                for (uint256 i = 0; remaining >> i != 0; ++i) {
                    if (remaining & (1 << i) == 0) continue;
                    Stream memory s = _slots[i];
                    total += _streamed(s, last);
                    if (block.timestamp >= s.end) bits &= ~(1 << i);
                }
            }
            t = (t & ((1 << ACCRUAL_SHIFT) - 1)) | (block.timestamp << ACCRUAL_SHIFT);
            hot = (hot & ~(uint256(0xffff) << STREAMS_SHIFT)) | (bits << STREAMS_SHIFT);
        }
        uint256 carry = hot & CARRY_FLAG != 0 ? _carry : 0;
        if (total != 0 || carry != 0) {
            if (t & SUPPLY_MASK == 0) {
                _carry = uint128(carry + total);
                hot |= CARRY_FLAG;
            } else {
                if (carry != 0) {
                    _carry = 0;
                    hot &= ~CARRY_FLAG;
                }
                uint256 pps;
                (pps, t) = _credit(hot & PPS_MASK, total + carry, t);
                hot = (hot & ~PPS_MASK) | pps;
            }
        }
        return (hot, t);
    }

    /// @dev Points per share with the streams accrued to this second and the carry credited, as
    /// the next accrual would make them, without writing. Reads one slot when no stream is open
    /// and nothing is carried.
    function _pointsPerShareNow() private view returns (uint256 pps) {
        uint256 hot = _hot;
        pps = hot & PPS_MASK;
        if (_streamBits(hot) == 0 && hot & CARRY_FLAG == 0) return pps;
        uint256 t = _totals;
        uint256 supply = t & SUPPLY_MASK;
        if (supply == 0) return pps;
        uint256 pending = _pending(hot, t);
        if (hot & CARRY_FLAG != 0) pending += _carry;
        if (pending != 0) {
            (uint256 increment,) = _increment(pending, supply, (t >> EXCESS_SHIFT) & EXCESS_MASK);
            // unchecked: MAX_CREDITED counts the streams in full, so this stays below 2^183
            unchecked {
                pps += increment;
            }
        }
    }

    /// @dev What the streams would accrue now, without writing.
    function _pending(uint256 hot, uint256 t) private view returns (uint256 total) {
        uint256 bits = _streamBits(hot);
        uint256 last = t >> ACCRUAL_SHIFT;
        for (uint256 i = 0; bits >> i != 0; ++i) {
            if (bits & (1 << i) == 0) continue;
            total += _streamed(_slots[i], last);
        }
    }

    /// @dev What stream `s` pays over [last, now): its gross amount over that time beyond `payFrom`.
    function _streamed(Stream memory s, uint256 last) private view returns (uint256) {
        uint256 from = _gross(s, last);
        if (s.payFrom > from) from = s.payFrom;
        uint256 to = _gross(s, block.timestamp);
        unchecked {
            return to > from ? to - from : 0;
        }
    }

    /// @dev `rate` times the stream's seconds from its start up to `t` (none before start, none after end).
    function _gross(Stream memory s, uint256 t) private pure returns (uint256) {
        if (t <= s.start) return 0;
        // unchecked: start < end (openStream refuses end <= start; endStream never ends before
        // start), so the seconds are in [0, 2^32) and the product below 2^112
        unchecked {
            return uint256(s.rate) * ((t < s.end ? t : s.end) - s.start);
        }
    }

    function _holds(uint256 hot, uint8 slot, uint256 leaseId) private view returns (bool) {
        return slot < MAX_STREAMS && _streamBits(hot) & (1 << slot) != 0 && _slots[slot].leaseId == leaseId;
    }

    /// @dev pps + received * MAGNITUDE / supply, rounded up within the excess budget, and the
    /// totals with the new excess.
    function _credit(uint256 pps, uint256 received, uint256 t) private pure returns (uint256, uint256) {
        (uint256 increment, uint256 excess) = _increment(received, t & SUPPLY_MASK, (t >> EXCESS_SHIFT) & EXCESS_MASK);
        // unchecked: MAX_CREDITED keeps pointsPerShare below 2^183 (see the contract notice)
        unchecked {
            pps += increment;
        }
        return (pps, (t & ~(EXCESS_MASK << EXCESS_SHIFT)) | (excess << EXCESS_SHIFT));
    }

    /// @dev The increment of a credit of `received` and the excess after it.
    function _increment(uint256 received, uint256 supply, uint256 excess)
        private
        pure
        returns (uint256 increment, uint256)
    {
        // unchecked: received < 2^55 (MAX_CREDITED bounds every credit, with the carry and the
        // streams counted in full), so dividend < 2^183; 0 < supply < 2^88 (callers credit only
        // while shares exist); excess < EXCESS_CAP = 2^112.
        unchecked {
            uint256 dividend = received * MAGNITUDE;
            increment = dividend / supply;
            uint256 remainder = dividend - increment * supply;
            if (remainder != 0) {
                uint256 up = supply - remainder;
                if (excess + up < EXCESS_CAP) {
                    increment += 1;
                    excess += up;
                } else {
                    // excess >= EXCESS_CAP - supply > 2^112 - 2^88 > remainder: no underflow.
                    excess -= remainder;
                }
            }
        }
        return (increment, excess);
    }

    /// @dev Whole payout base units of `pps * balance + correction * CORRECTION_UNIT` points (0 if negative).
    /// Unchecked: the supply only falls after its one issue and every credit needs shares, so a
    /// balance never exceeds the supply of any credit and `pps * balance` < 2^128 * MAX_CREDITED +
    /// 2^54 * 2^88 < 2^183; a stored correction times CORRECTION_UNIT is within (-2^185, 2^185).
    function _owed(uint256 pps, uint256 balance, int256 correction) private pure returns (uint256) {
        unchecked {
            int256 points = int256(pps * balance) + correction * int256(CORRECTION_UNIT);
            return points > 0 ? uint256(points) / MAGNITUDE : 0;
        }
    }

    function _account(address holder) private view returns (uint256 balance, int256 correction) {
        uint256 packed = _accounts[holder];
        if (packed == 0) return (0, 0);
        balance = packed & BALANCE_MASK;
        unchecked {
            // a value below 2^168 minus 2^167
            correction = int256(packed >> 88) - CORRECTION_BIAS;
        }
    }

    /// @dev The MAX_CREDITED bound keeps every correction within (-2^165, 2^165); the check guards it.
    function _store(address holder, uint256 balance, int256 correction) private {
        if (correction <= -CORRECTION_BIAS || correction >= CORRECTION_BIAS) revert CorrectionOutOfRange(holder);
        unchecked {
            // in (0, 2^168) after the check
            _accounts[holder] = balance | (uint256(correction + CORRECTION_BIAS) << 88);
        }
    }

    function _streamBits(uint256 hot) private pure returns (uint256) {
        return (hot >> STREAMS_SHIFT) & 0xffff;
    }

    /// @dev The lease manager carried in the clone's code, or (bound after registration) the
    /// registry's set-once binding.
    function _onlyLeaseManager() private view {
        (,, address manager) = _args();
        if (manager == address(0)) manager = ILeaseManagerBinding(_registry).leaseManager();
        if (msg.sender != manager) revert NotLeaseManager(msg.sender);
    }

    function _args() private view returns (uint256 id, address i, address manager) {
        bytes memory a = Clones.fetchCloneArgs(address(this));
        if (a.length != 72) return (0, address(0), address(0));
        // abi.encodePacked(uint256 assetId, address issuer, address leaseManager)
        assembly ("memory-safe") {
            id := mload(add(a, 32))
            i := shr(96, mload(add(a, 64)))
            manager := shr(96, mload(add(a, 84)))
        }
    }
}

/// @dev The registry's set-once lease manager, as the shares read it.
interface ILeaseManagerBinding {
    function leaseManager() external view returns (address);
}
