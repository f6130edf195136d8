// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title CreditMesh anchor registry
/// @notice Authorised anchorers publish Merkle roots of batches of hashes (credentials, status list
///         versions, accreditations, scoring model fingerprints, audit checkpoints). Only hashes go
///         on chain, never personal data. Anyone can check a leaf against an anchored root with
///         {verify}.
/// @dev The tree is OpenZeppelin's StandardMerkleTree for a single `bytes32` value per leaf: the leaf
///      node is keccak256(bytes.concat(keccak256(abi.encode(value)))) (double hashing rules out
///      second-preimage tricks with inner nodes) and inner nodes hash their two children in sorted
///      order, as OpenZeppelin's MerkleProof does. Written without the OpenZeppelin library to keep
///      the build to one pinned compiler and the project's own files.
contract AnchorRegistry {
    /// One storage slot per root: block number, block timestamp and who anchored it.
    struct Anchor {
        uint48 blockNumber;
        uint48 timestamp;
        address anchorer;
    }

    address public admin;
    address public pendingAdmin;
    mapping(address => bool) public isAnchorer;
    mapping(bytes32 => Anchor) private anchors;

    event Anchored(bytes32 indexed root, uint256 leafCount, bytes32 meta, address indexed anchorer);
    event AnchorerSet(address indexed account, bool authorised);
    event AdminTransferStarted(address indexed currentAdmin, address indexed newAdmin);
    event AdminTransferred(address indexed previousAdmin, address indexed newAdmin);

    error NotAdmin(address caller);
    error NotAnchorer(address caller);
    error RootAlreadyAnchored(bytes32 root, uint256 blockNumber);
    error InvalidRoot();
    error InvalidLeafCount();
    error InvalidAddress();

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin(msg.sender);
        _;
    }

    /// @param initialAdmin manages the anchorer set; in production a governance contract or multisig.
    /// @param initialAnchorers accounts allowed to anchor from the start (may be empty).
    constructor(address initialAdmin, address[] memory initialAnchorers) {
        if (initialAdmin == address(0)) revert InvalidAddress();
        admin = initialAdmin;
        emit AdminTransferred(address(0), initialAdmin);
        for (uint256 i = 0; i < initialAnchorers.length; i++) {
            _setAnchorer(initialAnchorers[i], true);
        }
    }

    /// @notice Publishes the root of a batch of `leafCount` hashes. A root is anchored once only.
    /// @param meta an opaque batch descriptor (e.g. the hash of the batch's kind and id), never personal data.
    function anchor(bytes32 root, uint256 leafCount, bytes32 meta) external {
        if (!isAnchorer[msg.sender]) revert NotAnchorer(msg.sender);
        if (root == bytes32(0)) revert InvalidRoot();
        if (leafCount == 0) revert InvalidLeafCount();
        Anchor storage existing = anchors[root];
        if (existing.blockNumber != 0) revert RootAlreadyAnchored(root, existing.blockNumber);
        anchors[root] = Anchor(uint48(block.number), uint48(block.timestamp), msg.sender);
        emit Anchored(root, leafCount, meta, msg.sender);
    }

    /// @notice Block number, block timestamp and anchorer of a root; all zero if never anchored.
    function anchorOf(bytes32 root) external view returns (uint256 blockNumber, uint256 timestamp, address anchorer) {
        Anchor storage a = anchors[root];
        return (a.blockNumber, a.timestamp, a.anchorer);
    }

    function isAnchored(bytes32 root) public view returns (bool) {
        return anchors[root].blockNumber != 0;
    }

    /// @notice True when `root` is anchored and `proof` leads from the leaf holding `leaf` to it.
    function verify(bytes32 root, bytes32 leaf, bytes32[] calldata proof) external view returns (bool) {
        if (!isAnchored(root)) return false;
        bytes32 computed = keccak256(bytes.concat(keccak256(abi.encode(leaf))));
        for (uint256 i = 0; i < proof.length; i++) {
            bytes32 sibling = proof[i];
            computed = computed < sibling
                ? keccak256(abi.encodePacked(computed, sibling))
                : keccak256(abi.encodePacked(sibling, computed));
        }
        return computed == root;
    }

    function setAnchorer(address account, bool authorised) external onlyAdmin {
        _setAnchorer(account, authorised);
    }

    /// @notice Two-step admin transfer, so a mistyped address cannot lock the registry.
    function transferAdmin(address newAdmin) external onlyAdmin {
        if (newAdmin == address(0)) revert InvalidAddress();
        pendingAdmin = newAdmin;
        emit AdminTransferStarted(admin, newAdmin);
    }

    function acceptAdmin() external {
        if (msg.sender != pendingAdmin) revert NotAdmin(msg.sender);
        emit AdminTransferred(admin, msg.sender);
        admin = msg.sender;
        pendingAdmin = address(0);
    }

    function _setAnchorer(address account, bool authorised) private {
        if (account == address(0)) revert InvalidAddress();
        isAnchorer[account] = authorised;
        emit AnchorerSet(account, authorised);
    }
}
