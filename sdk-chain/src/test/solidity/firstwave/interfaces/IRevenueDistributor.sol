// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Pull-based revenue distributor for one share token.
/// @notice Anyone may deposit payout tokens; holders of the share token claim pro rata.
interface IRevenueDistributor {
    /// @notice The ERC-20 the distributor pays out (a stablecoin).
    function payoutToken() external view returns (address);

    /// @notice The share token whose holders are paid.
    function shareToken() external view returns (address);

    /// @notice Pulls `amount` payout tokens from the caller (approve first) and distributes them
    /// to current share holders. O(1) gas in the number of holders.
    function deposit(uint256 amount) external;
}
