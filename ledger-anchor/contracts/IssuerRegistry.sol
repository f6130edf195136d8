// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title CreditMesh issuer trust registry
/// @notice Which issuers (credit bureaus, KYC providers) are accredited, with which signing key, for
///         which credential types and for how long. Holds only hashes and organisation identifiers:
///         the keccak256 of the issuer's DID string, an Ethereum address of its signing key and
///         keccak256 hashes of credential type names. Never personal data.
/// @dev Governed by a set of admins with an M-of-N threshold, not by one owner key. Every change is
///      a proposal carrying the ABI-encoded call of one of the `onlySelf` functions below; the
///      proposer's approval counts, and the approval that reaches the threshold executes it. Admin
///      set and threshold changes go through the same path. Approvals are counted over the current
///      admins only, so an approval by a since-removed admin no longer counts.
contract IssuerRegistry {
    enum Status {
        None,
        Accredited,
        Suspended
    }

    struct Issuer {
        Status status;
        address signingKey;
        uint64 validFrom;
        uint64 validUntil;
        bytes32[] credentialTypes;
    }

    struct Proposal {
        address proposer;
        bool executed;
        bytes data;
    }

    mapping(bytes32 => Issuer) private issuers;

    address[] private adminList;
    mapping(address => bool) public isAdmin;
    uint256 public threshold;

    Proposal[] private proposals;
    mapping(uint256 => mapping(address => bool)) public hasApproved;

    event ProposalCreated(uint256 indexed id, address indexed proposer, bytes4 action, bytes data);
    event ProposalApproved(uint256 indexed id, address indexed admin, uint256 approvals);
    event ProposalExecuted(uint256 indexed id);
    event IssuerAccredited(
        bytes32 indexed didHash, address indexed signingKey, bytes32[] credentialTypes, uint64 validFrom, uint64 validUntil
    );
    event IssuerSuspended(bytes32 indexed didHash);
    event AdminAdded(address indexed admin);
    event AdminRemoved(address indexed admin);
    event ThresholdChanged(uint256 threshold);

    error NotAdmin(address caller);
    error OnlyByProposal();
    error UnknownProposal(uint256 id);
    error AlreadyExecuted(uint256 id);
    error AlreadyApproved(uint256 id, address admin);
    error UnsupportedAction(bytes4 action);
    error InvalidThreshold(uint256 threshold, uint256 admins);
    error InvalidAdmin(address admin);
    error InvalidIssuer(bytes32 didHash);
    error InvalidValidity(uint64 validFrom, uint64 validUntil);
    error UnknownIssuer(bytes32 didHash);
    error NotEnoughApprovals(uint256 id, uint256 approvals, uint256 threshold);

    modifier onlyAdmin() {
        if (!isAdmin[msg.sender]) revert NotAdmin(msg.sender);
        _;
    }

    modifier onlySelf() {
        if (msg.sender != address(this)) revert OnlyByProposal();
        _;
    }

    constructor(address[] memory initialAdmins, uint256 initialThreshold) {
        for (uint256 i = 0; i < initialAdmins.length; i++) {
            _addAdmin(initialAdmins[i]);
        }
        _setThreshold(initialThreshold);
    }

    // ---- governance ----

    /// @notice Proposes one change (the ABI-encoded call of accredit, suspend, addAdmin, removeAdmin
    ///         or setThreshold). The proposer approves it; with a threshold of one it executes at once.
    function propose(bytes calldata data) external onlyAdmin returns (uint256 id) {
        bytes4 action = data.length >= 4 ? bytes4(data[:4]) : bytes4(0);
        if (
            action != this.accredit.selector && action != this.suspend.selector && action != this.addAdmin.selector
                && action != this.removeAdmin.selector && action != this.setThreshold.selector
        ) revert UnsupportedAction(action);
        id = proposals.length;
        proposals.push(Proposal(msg.sender, false, data));
        emit ProposalCreated(id, msg.sender, action, data);
        _approve(id);
    }

    /// @notice Approves a pending proposal; the approval that reaches the threshold executes it, and
    ///         if the change itself reverts, so does this approval (the proposal stays pending).
    function approve(uint256 id) external onlyAdmin {
        if (id >= proposals.length) revert UnknownProposal(id);
        _approve(id);
    }

    /// @notice Executes a pending proposal that has enough approvals without a new one: needed when
    ///         the threshold was lowered, or an admin removed, after the last approval.
    function execute(uint256 id) external onlyAdmin {
        if (id >= proposals.length) revert UnknownProposal(id);
        if (proposals[id].executed) revert AlreadyExecuted(id);
        uint256 approvals = approvalCount(id);
        if (approvals < threshold) revert NotEnoughApprovals(id, approvals, threshold);
        _execute(id);
    }

    function approvalCount(uint256 id) public view returns (uint256 count) {
        if (id >= proposals.length) revert UnknownProposal(id);
        for (uint256 i = 0; i < adminList.length; i++) {
            if (hasApproved[id][adminList[i]]) count++;
        }
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }

    function getProposal(uint256 id)
        external
        view
        returns (address proposer, bool executed, uint256 approvals, bytes memory data)
    {
        if (id >= proposals.length) revert UnknownProposal(id);
        Proposal storage p = proposals[id];
        return (p.proposer, p.executed, approvalCount(id), p.data);
    }

    function admins() external view returns (address[] memory) {
        return adminList;
    }

    // ---- changes, reachable only through an executed proposal ----

    /// @notice Accredits (or re-accredits, replacing the previous entry) an issuer.
    /// @param didHash keccak256 of the issuer's DID string (an organisation's DID).
    /// @param signingKey Ethereum address of the issuer's signing key (or of a key hash).
    /// @param credentialTypes keccak256 of each credential type name the issuer may issue.
    /// @param validFrom first second (unix time) of the accreditation.
    /// @param validUntil last second (unix time) of the accreditation.
    function accredit(
        bytes32 didHash,
        address signingKey,
        bytes32[] calldata credentialTypes,
        uint64 validFrom,
        uint64 validUntil
    ) external onlySelf {
        if (didHash == bytes32(0) || signingKey == address(0) || credentialTypes.length == 0) {
            revert InvalidIssuer(didHash);
        }
        if (validUntil < validFrom) revert InvalidValidity(validFrom, validUntil);
        Issuer storage issuer = issuers[didHash];
        issuer.status = Status.Accredited;
        issuer.signingKey = signingKey;
        issuer.validFrom = validFrom;
        issuer.validUntil = validUntil;
        issuer.credentialTypes = credentialTypes;
        emit IssuerAccredited(didHash, signingKey, credentialTypes, validFrom, validUntil);
    }

    function suspend(bytes32 didHash) external onlySelf {
        Issuer storage issuer = issuers[didHash];
        if (issuer.status == Status.None) revert UnknownIssuer(didHash);
        issuer.status = Status.Suspended;
        emit IssuerSuspended(didHash);
    }

    function addAdmin(address admin) external onlySelf {
        _addAdmin(admin);
    }

    function removeAdmin(address admin) external onlySelf {
        if (!isAdmin[admin]) revert InvalidAdmin(admin);
        if (adminList.length - 1 < threshold) revert InvalidThreshold(threshold, adminList.length - 1);
        isAdmin[admin] = false;
        for (uint256 i = 0; i < adminList.length; i++) {
            if (adminList[i] == admin) {
                adminList[i] = adminList[adminList.length - 1];
                adminList.pop();
                break;
            }
        }
        emit AdminRemoved(admin);
    }

    function setThreshold(uint256 newThreshold) external onlySelf {
        _setThreshold(newThreshold);
    }

    // ---- reads ----

    /// @notice True when the issuer is accredited (not suspended) for the credential type at unix time `at`.
    function isAccredited(bytes32 didHash, bytes32 credentialType, uint256 at) external view returns (bool) {
        Issuer storage issuer = issuers[didHash];
        if (issuer.status != Status.Accredited || at < issuer.validFrom || at > issuer.validUntil) return false;
        for (uint256 i = 0; i < issuer.credentialTypes.length; i++) {
            if (issuer.credentialTypes[i] == credentialType) return true;
        }
        return false;
    }

    function getIssuer(bytes32 didHash)
        external
        view
        returns (
            Status status,
            address signingKey,
            uint64 validFrom,
            uint64 validUntil,
            bytes32[] memory credentialTypes
        )
    {
        Issuer storage issuer = issuers[didHash];
        return (issuer.status, issuer.signingKey, issuer.validFrom, issuer.validUntil, issuer.credentialTypes);
    }

    // ---- internals ----

    function _approve(uint256 id) private {
        if (proposals[id].executed) revert AlreadyExecuted(id);
        if (hasApproved[id][msg.sender]) revert AlreadyApproved(id, msg.sender);
        hasApproved[id][msg.sender] = true;
        uint256 approvals = approvalCount(id);
        emit ProposalApproved(id, msg.sender, approvals);
        if (approvals >= threshold) {
            _execute(id);
        }
    }

    function _execute(uint256 id) private {
        Proposal storage p = proposals[id];
        p.executed = true;
        (bool ok, bytes memory result) = address(this).call(p.data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        emit ProposalExecuted(id);
    }

    function _addAdmin(address admin) private {
        if (admin == address(0) || isAdmin[admin]) revert InvalidAdmin(admin);
        isAdmin[admin] = true;
        adminList.push(admin);
        emit AdminAdded(admin);
    }

    function _setThreshold(uint256 newThreshold) private {
        if (newThreshold == 0 || newThreshold > adminList.length) {
            revert InvalidThreshold(newThreshold, adminList.length);
        }
        threshold = newThreshold;
        emit ThresholdChanged(newThreshold);
    }
}
