// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Test adversary: a 6-decimal token that burns a fee (1% unless changed) of every
/// transfer; mints are exact.
contract FeeOnTransferToken is ERC20 {
    /// @notice Fee in basis points of each transfer, burned from the amount sent.
    uint256 public feeBps = 100;

    /// @notice Changes the fee (anyone may: this is a test token); 10,000 takes everything.
    function setFeeBps(uint256 bps) external {
        require(bps <= 10_000, "fee above 100%");
        feeBps = bps;
    }

    constructor() ERC20("Fee USD", "fUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = value * feeBps / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
