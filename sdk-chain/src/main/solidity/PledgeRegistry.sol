// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IPledgeRegistry} from "./interfaces/IPledgeRegistry.sol";

/// @title Pledge registry: an asset owner's lease income pledged to a lender.
/// @notice The asset owner proposes a pledge (lender, debt, repayment deadline); the lender
/// accepts exactly those terms (a front-run re-proposal cannot change what the lender signs up
/// for). A proposal belongs to the owner that made it: once the asset changes hands, its lender
/// can no longer accept it (the new owner may withdraw it), so nobody encumbers a buyer's income
/// without the buyer's consent; an accepted pledge stays with the asset, as a lien does. The
/// asset stays leasable. Default is objective: the lender may declare it only after the
/// deadline with debt left. In default the lease manager hands the lender the owner's side of
/// every payout (the operator fee) until the debt reaches zero, then the pledge ends by itself.
/// The share holders' income is never pledged: the owner cannot borrow against what it does not
/// own. Direct repayment moves debt tokens from the payer to the lender, counted by the lender's
/// balance change so that a fee-charging token cannot overstate a repayment. The lease manager is
/// bound once by the admin; no role can be revoked to freeze settlement.
contract PledgeRegistry is IPledgeRegistry, AccessControl, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice The lease manager, the only caller of redirect(); bound once.
    address public leaseManager;

    /// @notice The asset registry whose token owners pledge assets.
    IComputeAssetRegistry public immutable registry;
    IERC20 private immutable _debtToken;

    mapping(uint256 assetId => Pledge) private _pledges;

    /// @notice Caller is not the owner of the asset.
    error NotAssetOwner(uint256 assetId, address caller);
    /// @notice Caller is not the pledge's lender.
    error NotLender(uint256 assetId, address caller);
    /// @notice The asset already carries a pledge.
    error AlreadyPledged(uint256 assetId);
    /// @notice The asset carries no pledge.
    error NotPledged(uint256 assetId);
    /// @notice The lender, the debt or the amount is zero, or the lender is the owner.
    error InvalidPledge();
    /// @notice The pledge is in the wrong state for the call.
    error WrongPledgeState(uint256 assetId);
    /// @notice The proposed terms differ from what the lender accepts.
    error TermsMismatch(uint256 assetId, uint128 debt, uint40 dueBy);
    /// @notice The owner that proposed the pledge no longer owns the asset.
    error ProposerNotOwner(uint256 assetId, address proposer, address owner);
    /// @notice Default can be declared only after the repayment deadline.
    error NotYetDue(uint256 assetId, uint40 dueBy);
    /// @notice The lease manager is bound already, or the caller is not it.
    error LeaseManagerLocked();
    /// @notice Only the bound lease manager may call.
    error NotLeaseManager(address caller);

    /// @param registry_ the asset registry
    /// @param debtToken_ the token debts are counted in (the lease payment token)
    /// @param admin the account that binds the lease manager once
    constructor(IComputeAssetRegistry registry_, IERC20 debtToken_, address admin) {
        registry = registry_;
        _debtToken = debtToken_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IPledgeRegistry
    function debtToken() external view returns (address) {
        return address(_debtToken);
    }

    /// @notice Binds the lease manager; admin only, once.
    function bindLeaseManager(address leaseManager_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (leaseManager != address(0) || leaseManager_ == address(0)) revert LeaseManagerLocked();
        leaseManager = leaseManager_;
    }

    /// @inheritdoc IPledgeRegistry
    function pledge(uint256 assetId, address lender, uint128 debt, uint40 dueBy) external {
        if (registry.ownerOf(assetId) != msg.sender) revert NotAssetOwner(assetId, msg.sender);
        if (lender == address(0) || lender == msg.sender || debt == 0 || dueBy <= block.timestamp) {
            revert InvalidPledge();
        }
        if (_pledges[assetId].lender != address(0)) revert AlreadyPledged(assetId);
        _pledges[assetId] =
            Pledge({lender: lender, debt: debt, dueBy: dueBy, accepted: false, defaulted: false, borrower: msg.sender});
        emit PledgeProposed(assetId, lender, debt, dueBy);
    }

    /// @inheritdoc IPledgeRegistry
    function acceptPledge(uint256 assetId, uint128 debt, uint40 dueBy) external {
        Pledge storage p = _lenderPledge(assetId);
        if (p.accepted) revert WrongPledgeState(assetId);
        if (p.debt != debt || p.dueBy != dueBy) revert TermsMismatch(assetId, p.debt, p.dueBy);
        address owner = registry.ownerOf(assetId);
        if (owner != p.borrower) revert ProposerNotOwner(assetId, p.borrower, owner);
        p.accepted = true;
        emit PledgeAccepted(assetId, msg.sender, debt, dueBy);
    }

    /// @inheritdoc IPledgeRegistry
    function cancelPledge(uint256 assetId) external {
        if (registry.ownerOf(assetId) != msg.sender) revert NotAssetOwner(assetId, msg.sender);
        Pledge storage p = _pledges[assetId];
        if (p.lender == address(0)) revert NotPledged(assetId);
        if (p.accepted) revert WrongPledgeState(assetId);
        _end(assetId, p.lender);
    }

    /// @inheritdoc IPledgeRegistry
    function declareDefault(uint256 assetId) external {
        Pledge storage p = _lenderPledge(assetId);
        if (!p.accepted || p.defaulted) revert WrongPledgeState(assetId);
        if (block.timestamp <= p.dueBy) revert NotYetDue(assetId, p.dueBy);
        p.defaulted = true;
        emit DefaultDeclared(assetId, msg.sender, p.debt);
    }

    /// @inheritdoc IPledgeRegistry
    function cureDefault(uint256 assetId) external {
        Pledge storage p = _lenderPledge(assetId);
        if (!p.defaulted) revert WrongPledgeState(assetId);
        p.defaulted = false;
        emit DefaultCured(assetId, msg.sender);
    }

    /// @inheritdoc IPledgeRegistry
    function repay(uint256 assetId, uint256 amount) external nonReentrant {
        Pledge storage p = _pledges[assetId];
        address lender = p.lender;
        if (lender == address(0)) revert NotPledged(assetId);
        if (!p.accepted) revert WrongPledgeState(assetId);
        if (amount == 0 || amount > p.debt) revert InvalidPledge();
        uint256 before = _debtToken.balanceOf(lender);
        _debtToken.safeTransferFrom(msg.sender, lender, amount);
        uint256 received = _debtToken.balanceOf(lender) - before;
        uint128 remaining = p.debt - uint128(received);
        p.debt = remaining;
        emit Repaid(assetId, lender, received, remaining, false);
        if (remaining == 0) _end(assetId, lender);
    }

    /// @inheritdoc IPledgeRegistry
    function release(uint256 assetId) external {
        _lenderPledge(assetId);
        _end(assetId, msg.sender);
    }

    /// @inheritdoc IPledgeRegistry
    function redirect(uint256 assetId, uint256 available) external returns (address lender, uint256 amount) {
        if (msg.sender != leaseManager) revert NotLeaseManager(msg.sender);
        Pledge storage p = _pledges[assetId];
        if (!p.defaulted || available == 0) return (address(0), 0);
        lender = p.lender;
        uint128 debt = p.debt;
        amount = available < debt ? available : debt;
        uint128 remaining = debt - uint128(amount);
        p.debt = remaining;
        emit Repaid(assetId, lender, amount, remaining, true);
        if (remaining == 0) _end(assetId, lender);
    }

    /// @inheritdoc IPledgeRegistry
    function pledgeOf(uint256 assetId) external view returns (Pledge memory) {
        return _pledges[assetId];
    }

    function _lenderPledge(uint256 assetId) private view returns (Pledge storage p) {
        p = _pledges[assetId];
        if (p.lender == address(0)) revert NotPledged(assetId);
        if (p.lender != msg.sender) revert NotLender(assetId, msg.sender);
    }

    function _end(uint256 assetId, address lender) private {
        delete _pledges[assetId];
        emit PledgeReleased(assetId, lender);
    }
}
