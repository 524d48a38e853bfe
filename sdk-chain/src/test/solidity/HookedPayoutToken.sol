// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Implemented by recipients that want a callback from HookedPayoutToken.
interface ITokenReceiver {
    function onTokenReceived(address from, uint256 amount) external;
}

/// @title Test adversary: a 6-decimal token that calls the recipient back on every transfer
/// (as ERC-777 / ERC-1363 tokens do; a recipient without the hook is skipped), giving a receiving contract a chance to re-enter.
contract HookedPayoutToken is ERC20 {
    constructor() ERC20("Hooked USD", "hUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from != address(0) && to != address(0) && to.code.length > 0) {
            try ITokenReceiver(to).onTokenReceived(from, value) {} catch {}
        }
    }
}
