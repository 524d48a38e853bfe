// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ITokenReceiver} from "./HookedPayoutToken.sol";

interface IClaimable {
    function claim() external returns (uint256);
    function deposit(uint256 amount) external;
}

interface IApprovable {
    function approve(address spender, uint256 amount) external returns (bool);
}

/// @title Test adversary: a share holder that re-enters the distributor while being paid.
/// @notice When paid, it tries to claim again (and to deposit); each attempt's outcome is recorded
/// and the outer claim goes on, so a test can see that the re-entry failed and was not paid.
contract ReentrantClaimer is ITokenReceiver {
    IClaimable public immutable distributor;
    uint256 public reentryAttempts;
    uint256 public reentrySuccesses;
    bool private _inHook;

    constructor(IClaimable distributor_) {
        distributor = distributor_;
    }

    /// @notice Claims from the distributor (the attack starts here).
    function attack() external returns (uint256) {
        return distributor.claim();
    }

    /// @notice Lets the distributor pull `amount` of `token` for a deposit.
    function approveDistributor(IApprovable token, uint256 amount) external {
        token.approve(address(distributor), amount);
    }

    function onTokenReceived(address, uint256) external {
        if (_inHook) return;
        _inHook = true;
        reentryAttempts++;
        try distributor.claim() returns (uint256) {
            reentrySuccesses++;
        } catch {}
        reentryAttempts++;
        try distributor.deposit(1) {
            reentrySuccesses++;
        } catch {}
        _inHook = false;
    }
}
