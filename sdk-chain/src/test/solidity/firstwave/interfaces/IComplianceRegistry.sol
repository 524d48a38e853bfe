// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title The list of verified holders that share tokens consult on every balance change.
interface IComplianceRegistry {
    /// @notice Whether `account` is a verified holder.
    function isVerified(address account) external view returns (bool);

    /// @notice Verification of both sides of a balance change in one call; address(0) (the mint
    /// or burn side) counts as verified.
    function verifiedPair(address from, address to) external view returns (bool fromOk, bool toOk);
}
