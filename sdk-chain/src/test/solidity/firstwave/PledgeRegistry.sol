// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IComputeAssetRegistry} from "./interfaces/IComputeAssetRegistry.sol";
import {IPledgeRegistry} from "./interfaces/IPledgeRegistry.sol";

/// @title Pledge registry: assets pledged to lenders, with lease income redirected on default.
/// @notice The asset owner proposes a pledge (lender, debt); the lender accepts it. The asset stays
/// leasable. Once the lender declares default, the lease manager hands the lender every payout of
/// the asset's lease income (after the operator fee) until the debt reaches zero, then the pledge
/// ends by itself. Direct repayment moves debt tokens from the payer to the lender, counted by the
/// lender's balance change so that a fee-charging token cannot overstate a repayment.
contract PledgeRegistry is IPledgeRegistry, AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice Role of the lease manager, the only caller of redirect().
    bytes32 public constant LEASE_MANAGER_ROLE = keccak256("LEASE_MANAGER_ROLE");

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

    /// @param registry_ the asset registry
    /// @param debtToken_ the token debts are counted in (the lease payment token)
    /// @param admin the account that grants LEASE_MANAGER_ROLE
    constructor(IComputeAssetRegistry registry_, IERC20 debtToken_, address admin) {
        registry = registry_;
        _debtToken = debtToken_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @inheritdoc IPledgeRegistry
    function debtToken() external view returns (address) {
        return address(_debtToken);
    }

    /// @inheritdoc IPledgeRegistry
    function pledge(uint256 assetId, address lender, uint128 debt) external {
        if (registry.ownerOf(assetId) != msg.sender) revert NotAssetOwner(assetId, msg.sender);
        if (lender == address(0) || lender == msg.sender || debt == 0) revert InvalidPledge();
        if (_pledges[assetId].lender != address(0)) revert AlreadyPledged(assetId);
        _pledges[assetId] = Pledge({lender: lender, debt: debt, accepted: false, defaulted: false});
        emit PledgeProposed(assetId, lender, debt);
    }

    /// @inheritdoc IPledgeRegistry
    function acceptPledge(uint256 assetId) external {
        Pledge storage p = _lenderPledge(assetId);
        if (p.accepted) revert WrongPledgeState(assetId);
        p.accepted = true;
        emit PledgeAccepted(assetId, msg.sender);
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
    function redirect(uint256 assetId, uint256 available)
        external
        onlyRole(LEASE_MANAGER_ROLE)
        returns (address lender, uint256 amount)
    {
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
