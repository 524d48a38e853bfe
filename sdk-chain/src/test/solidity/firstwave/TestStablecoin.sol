// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// @title A stablecoin stand-in for tests and the local demo only.
/// @notice Six decimals like USDC, EIP-2612 permit, and a mint anyone may call. Never deploy it
/// anywhere that holds value.
contract TestStablecoin is ERC20, ERC20Permit {
    constructor() ERC20("Test USD", "tUSD") ERC20Permit("Test USD") {}

    /// @notice Six decimals, as the common dollar stablecoins use.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice Mints `amount` base units to `to`; open to anyone because this is a test token.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
