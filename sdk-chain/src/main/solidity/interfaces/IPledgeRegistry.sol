// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Pledges of an asset owner's lease income to lenders.
/// @notice What is pledged is the OWNER's side of the asset's lease income (the operator fee),
/// never the share holders' part: the owner cannot encumber income promised to others. The lease
/// manager asks the registry, each time it pays the owner's side, how much goes to the lender;
/// the debt shrinks by that amount.
interface IPledgeRegistry {
    /// @notice State of an asset's pledge; `lender` is zero when the asset is not pledged.
    /// `borrower` is the owner that proposed it: the lender can accept only while it still owns the asset.
    struct Pledge {
        address lender;
        uint128 debt;
        uint40 dueBy;
        bool accepted;
        bool defaulted;
        address borrower;
    }

    /// @notice The asset owner proposed a pledge.
    event PledgeProposed(uint256 indexed assetId, address indexed lender, uint128 debt, uint40 dueBy);
    /// @notice The lender accepted the pledge on exactly these terms.
    event PledgeAccepted(uint256 indexed assetId, address indexed lender, uint128 debt, uint40 dueBy);
    /// @notice The lender declared the borrower in default (only after `dueBy` with debt left).
    event DefaultDeclared(uint256 indexed assetId, address indexed lender, uint128 debt);
    /// @notice The lender lifted a default.
    event DefaultCured(uint256 indexed assetId, address indexed lender);
    /// @notice Debt was repaid, directly or from redirected lease income.
    event Repaid(uint256 indexed assetId, address indexed lender, uint256 amount, uint128 remainingDebt, bool fromLeaseIncome);
    /// @notice The pledge ended (debt repaid, released by the lender, or withdrawn before acceptance).
    event PledgeReleased(uint256 indexed assetId, address indexed lender);

    /// @notice Proposes a pledge of the owner's income from `assetId` to `lender` for `debt`, due by
    /// `dueBy`; asset owner only, one pledge at a time.
    function pledge(uint256 assetId, address lender, uint128 debt, uint40 dueBy) external;

    /// @notice Accepts the proposed pledge if, and only if, its terms are `debt` and `dueBy` and the
    /// owner that proposed it still owns the asset; the named lender only.
    function acceptPledge(uint256 assetId, uint128 debt, uint40 dueBy) external;

    /// @notice Withdraws a proposal the lender has not accepted yet (also one a previous owner
    /// made); asset owner only.
    function cancelPledge(uint256 assetId) external;

    /// @notice Declares default: the repayment deadline passed with debt outstanding; lender only.
    function declareDefault(uint256 assetId) external;

    /// @notice Lifts a default; lender only.
    function cureDefault(uint256 assetId) external;

    /// @notice Pays `amount` of the debt token from the caller to the lender; the pledge ends at zero debt.
    function repay(uint256 assetId, uint256 amount) external;

    /// @notice Releases the pledge whatever the debt; lender only.
    function release(uint256 assetId) external;

    /// @notice Called by the bound lease manager with the owner's side `available` of `assetId`'s
    /// income: returns the lender and the part that goes to the lender (zero unless in default)
    /// and books it as repaid.
    function redirect(uint256 assetId, uint256 available) external returns (address lender, uint256 amount);

    /// @notice The pledge of an asset.
    function pledgeOf(uint256 assetId) external view returns (Pledge memory);

    /// @notice The token the debt is denominated in (the lease payment stablecoin).
    function debtToken() external view returns (address);
}
