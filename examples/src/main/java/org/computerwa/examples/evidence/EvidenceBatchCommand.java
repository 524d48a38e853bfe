package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.bouncycastle.util.encoders.DecoderException;
import org.bouncycastle.util.encoders.Hex;
import org.computerwa.core.ValidationException;
import org.computerwa.core.VerificationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.evidence.SignedUsageStatement;
import org.computerwa.core.evidence.StatementBatch;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.examples.cli.ComputerwaCli;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa evidence batch}: checks every signature of what {@code evidence sign} printed
 * and prints the Merkle batch in the form of OpenZeppelin's {@code StandardMerkleTree}.
 *
 * <pre>{@code
 * computerwa evidence batch --in signed.json
 * }</pre>
 *
 * <p>Output when every row checks out (exit 0): {@code {"leafEncoding":["uint256","address",
 * "uint64","uint64","uint8","uint256","uint16"],"root":"0x...","leaves":[{"values":[...],
 * "proof":["0x...",...]},...]}}, leaves in input order, values as decimal strings and checksummed
 * addresses, which {@code StandardMerkleTree.of(values, leafEncoding)} accepts as they are. A row
 * whose digest is not the typed data's, whose signature does not recover to its signer, whose
 * signer is not the statement's device, whose signature is a malleable high-s twin, or that
 * repeats an earlier statement or differs from the first row in domain or asset is invalid: the
 * output is then only {@code {"invalid":[{"index":N,"reason":"..."}]}} (no root, no leaves) and
 * the exit code 1. Malformed input (not JSON, wrong shape, wrong hex lengths, over 16 MiB): exit
 * 2 with a message, nothing on standard output.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "Check signed statements and print their Merkle batch (root, leaves, proofs) in OpenZeppelin's StandardMerkleTree form.")
public final class EvidenceBatchCommand implements Callable<Integer> {
  /** The Solidity types of a statement leaf, as OpenZeppelin's {@code leafEncoding}. */
  static final List<String> LEAF_ENCODING =
      List.of("uint256", "address", "uint64", "uint64", "uint8", "uint256", "uint16");

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "What 'evidence sign' printed.")
  Path in;

  /** Creates the command; picocli fills the options. */
  public EvidenceBatchCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Row> rows;
    try {
      rows = read(InputFile.json(in));
    } catch (ValidationException e) {
      err.println("evidence batch: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (UncheckedIOException e) {
      err.println("evidence batch: cannot read " + in + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    ArrayNode invalid = JSON.createArrayNode();
    Map<Bytes32, Integer> seen = new HashMap<>();
    Row first = rows.get(0);
    for (int i = 0; i < rows.size(); i++) {
      String reason = check(rows.get(i), first, seen, i);
      if (reason != null) {
        invalid.addObject().put("index", i).put("reason", reason);
      }
    }
    if (!invalid.isEmpty()) {
      ObjectNode result = JSON.createObjectNode();
      result.set("invalid", invalid);
      out.println(JSON.writeValueAsString(result));
      out.flush();
      return ComputerwaCli.EXIT_INVALID;
    }
    List<SignedUsageStatement> signed = new ArrayList<>(rows.size());
    Instant start = first.statement.periodStart();
    Instant end = first.statement.periodEnd();
    for (Row r : rows) {
      signed.add(SignedUsageStatement.of(r.statement, java.util.Objects.requireNonNull(r.signature)));
      start = r.statement.periodStart().isBefore(start) ? r.statement.periodStart() : start;
      end = r.statement.periodEnd().isAfter(end) ? r.statement.periodEnd() : end;
    }
    StatementBatch batch = StatementBatch.of(first.statement.assetId(), start, end, signed, first.domain);
    ObjectNode result = JSON.createObjectNode();
    ArrayNode encoding = result.putArray("leafEncoding");
    LEAF_ENCODING.forEach(encoding::add);
    result.put("root", batch.root().toHex());
    ArrayNode leaves = result.putArray("leaves");
    for (Row r : rows) {
      ObjectNode leaf = leaves.addObject();
      ArrayNode values = leaf.putArray("values");
      leafValues(r.statement).forEach(values::add);
      ArrayNode proof = leaf.putArray("proof");
      for (Bytes32 sibling : batch.proof(r.statement).siblings()) {
        proof.add(sibling.toHex());
      }
    }
    out.println(JSON.writeValueAsString(result));
    out.flush();
    return 0;
  }

  /** The leaf values of a statement as OpenZeppelin's merkle-tree library takes them. */
  static List<String> leafValues(UsageStatement s) {
    return List.of(s.assetId().toString(), s.device().toChecksumHex(),
        Long.toString(s.periodStart().getEpochSecond()), Long.toString(s.periodEnd().getEpochSecond()),
        Integer.toString(s.kind().code()), s.value().toString(), Integer.toString(s.availabilityBps()));
  }

  private static @Nullable String check(Row r, Row first, Map<Bytes32, Integer> seen, int index) {
    Bytes32 digest = r.statement.digest(r.domain);
    if (!digest.equals(r.digest)) {
      return "DIGEST_MISMATCH: digest " + r.digest + " is not the typed data's " + digest;
    }
    Signature signature = r.signature;
    if (signature == null) {
      return "HIGH_S: " + r.signatureProblem;
    }
    if (!r.signer.equals(r.statement.device())) {
      return "SIGNER_NOT_DEVICE: signer " + r.signer + " is not the statement's device " + r.statement.device();
    }
    try {
      signature.verify(digest, r.signer);
    } catch (VerificationException e) {
      return e.reason() + ": " + e.getMessage();
    }
    if (!r.domain.equals(first.domain)) {
      return "DOMAIN_MISMATCH: domain " + r.domain + " differs from the first row's " + first.domain;
    }
    if (!r.statement.assetId().equals(first.statement.assetId())) {
      return "ASSET_MISMATCH: asset " + r.statement.assetId() + " differs from the first row's " + first.statement.assetId();
    }
    Integer earlier = seen.putIfAbsent(r.statement.leafHash(), index);
    if (earlier != null) {
      return "DUPLICATE: repeats the statement of row " + earlier;
    }
    return null;
  }

  private static List<Row> read(JsonNode root) {
    if (!root.isArray() || root.isEmpty()) {
      throw new ValidationException("$", root.getNodeType(), "must be the non-empty JSON array 'evidence sign' printed");
    }
    List<Row> rows = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      String path = "[" + i + "]";
      JsonNode node = root.get(i);
      if (!node.isObject()) {
        throw new ValidationException(path, node.getNodeType(), "must be an object");
      }
      StatementJson.onlyFields(node, java.util.Set.of("typedData", "digest", "signature", "signer"), path + ".");
      JsonNode typed = node.get("typedData");
      if (typed == null) {
        throw new ValidationException(path + ".typedData", null, "is required");
      }
      StatementJson.Signed s = StatementJson.readTypedData(typed, path + ".typedData");
      Bytes32 digest = Bytes32.of(hex(node, "digest", path, 32));
      byte[] sigBytes = hex(node, "signature", path, 65);
      @Nullable Signature sig = null;
      @Nullable String problem = null;
      try {
        sig = Signature.fromBytes(sigBytes);
      } catch (ValidationException e) {
        if (!e.field().equals("signature.s")) {
          throw new ValidationException(path + ".signature", e.rejectedValue(), e.rule());
        }
        problem = e.getMessage();
      }
      Address signer = StatementJson.address(node, "signer", path);
      rows.add(new Row(s.statement, s.domain, digest, sig, problem, signer));
    }
    return rows;
  }

  private static byte[] hex(JsonNode node, String field, String path, int bytes) {
    String text = StatementJson.text(node, field, path);
    String rule = "must be 0x followed by " + (2 * bytes) + " hex digits (" + bytes + " bytes)";
    if (!text.startsWith("0x") || text.length() != 2 + 2 * bytes) {
      throw new ValidationException(path + "." + field, text, rule);
    }
    try {
      return Hex.decodeStrict(text.substring(2));
    } catch (DecoderException e) {
      throw new ValidationException(path + "." + field, text, rule);
    }
  }

  private static final class Row {
    final UsageStatement statement;
    final org.computerwa.core.crypto.Eip712Domain domain;
    final Bytes32 digest;
    final @Nullable Signature signature;
    final @Nullable String signatureProblem;
    final Address signer;

    Row(UsageStatement statement, org.computerwa.core.crypto.Eip712Domain domain, Bytes32 digest,
        @Nullable Signature signature, @Nullable String signatureProblem, Address signer) {
      this.statement = statement;
      this.domain = domain;
      this.digest = digest;
      this.signature = signature;
      this.signatureProblem = signatureProblem;
      this.signer = signer;
    }
  }

}
