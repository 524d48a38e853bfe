// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IComputeAssetRegistry} from "../../main/solidity/interfaces/IComputeAssetRegistry.sol";

/// @title Minimal stand-in of the asset registry for lease tests that do not need share tokens.
contract LeaseTestRegistry is ERC721, IComputeAssetRegistry {
    struct UserInfo {
        address user;
        uint64 expires;
    }

    address public leaseManager;
    uint256 private _next = 1;
    mapping(uint256 => uint64) private _capacity;
    mapping(uint256 => address) private _distributor;
    mapping(uint256 => UserInfo) private _users;

    error NotLeaseManager(address caller);

    constructor() ERC721("Test Assets", "TA") {}

    function setLeaseManager(address lm) external {
        leaseManager = lm;
    }

    function register(address operator, uint64 capacity) external returns (uint256 id) {
        id = _next++;
        _capacity[id] = capacity;
        _mint(operator, id);
    }

    function setDistributor(uint256 id, address d) external {
        _distributor[id] = d;
    }

    function ownerOf(uint256 id) public view override(ERC721, IComputeAssetRegistry) returns (address) {
        return super.ownerOf(id);
    }

    function capacityOf(uint256 id) external view returns (uint64) {
        return _capacity[id];
    }

    function specHashOf(uint256 id) external pure returns (bytes32) {
        return bytes32(id);
    }

    function shareTokenOf(uint256) external pure returns (address) {
        return address(0);
    }

    function distributorOf(uint256 id) external view returns (address) {
        return _distributor[id];
    }

    function setUser(uint256 id, address user, uint64 expires) external {
        if (msg.sender != leaseManager) revert NotLeaseManager(msg.sender);
        _users[id] = UserInfo(user, expires);
    }

    function userOf(uint256 id) external view returns (address) {
        UserInfo memory info = _users[id];
        return uint256(info.expires) >= block.timestamp ? info.user : address(0);
    }

    function userExpires(uint256 id) external view returns (uint256) {
        return _users[id].expires;
    }
}

/// @title Minimal stand-in of a revenue distributor: pulls deposits and counts them.
contract LeaseTestDistributor {
    address public immutable payoutToken;
    address public constant shareToken = address(0);
    uint256 public totalDeposited;
    bool public refuse;

    constructor(address token) {
        payoutToken = token;
    }

    function setRefuse(bool r) external {
        refuse = r;
    }

    function deposit(uint256 amount) external {
        require(!refuse, "no shares");
        IERC20(payoutToken).transferFrom(msg.sender, address(this), amount);
        totalDeposited += amount;
    }
}
