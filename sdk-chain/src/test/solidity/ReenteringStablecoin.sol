// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title Test adversary: a token that calls back into a target during every transfer.
/// @notice Arm it with a target and calldata; on the next transfer it makes the call and records
/// whether it succeeded. A guarded target must make the re-entrant call fail.
contract ReenteringStablecoin is ERC20 {
    address public target;
    bytes public payload;
    bool public armed;
    uint256 public attempts;
    uint256 public successes;

    constructor() ERC20("Reentering USD", "rUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
        armed = true;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (armed && from != address(0) && to != address(0)) {
            armed = false;
            attempts++;
            (bool ok,) = target.call(payload);
            if (ok) successes++;
        }
    }
}
