// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Pull-based revenue distributor of one asset's shares (implemented by the share token itself).
/// @notice Anyone may deposit payout tokens; holders of the share token claim pro rata. Lease
/// income streams to holders by time through streams the bound lease manager opens.
interface IRevenueDistributor {
    /// @notice The ERC-20 the distributor pays out (a stablecoin).
    function payoutToken() external view returns (address);

    /// @notice The share token whose holders are paid.
    function shareToken() external view returns (address);

    /// @notice Pulls `amount` payout tokens from the caller (approve first) and distributes them
    /// to current share holders. O(1) gas in the number of holders.
    function deposit(uint256 amount) external;

    /// @notice Opens lease `leaseId`'s stream of `rate` per second over [start, end); lease
    /// manager only; returns the stream's slot.
    function openStream(uint256 leaseId, uint96 rate, uint40 start, uint40 end) external returns (uint8 slot);

    /// @notice Cuts lease `leaseId`'s stream in `slot` short at `end`; lease manager only.
    /// @return released the debit the stream was still to take back and the cut leaves no room for
    function endStream(uint8 slot, uint256 leaseId, uint40 end) external returns (uint256 released);

    /// @notice Debits up to `amount` from the stream's unstreamed part; returns the part debited.
    function debitStream(uint8 slot, uint256 leaseId, uint256 amount) external returns (uint256 debited);

    /// @notice Pre-writes the first `count` stream slots so the first leases need no fresh storage.
    function prepareStreams(uint8 count) external;
}
