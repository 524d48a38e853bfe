// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Hook a share token calls on every balance change so revenue accounting stays exact.
interface IShareCheckpoint {
    /// @notice Records that `value` shares moved from `from` to `to` (address(0) for mint/burn).
    /// @dev Only callable by the share token the distributor serves.
    function onShareTransfer(address from, address to, uint256 value) external;
}
