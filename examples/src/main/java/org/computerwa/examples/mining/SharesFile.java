package org.computerwa.examples.mining;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.computerwa.core.ValidationException;
import org.computerwa.core.json.ComputeRwaJson;
import org.computerwa.mining.share.ShareSubmission;
import org.computerwa.mining.share.StratumJob;
import org.jspecify.annotations.Nullable;

/**
 * Reads a shares file: a JSON array of {@code {"subscribe":{"extranonce1","extranonce2_size"}|null,
 * "notify":{"prevhash","version","nbits","ntime","coinb1","coinb2","merkle_branch"},
 * "merkle_root_hex" (instead of the coinbase parts), "submit":{"extranonce2","ntime","nonce",
 * "version_bits"},"set_difficulty":D}}; {@code set_difficulty} (a JSON number, the session's
 * {@code mining.set_difficulty} when the share was submitted) is optional, as are {@code subscribe}
 * and {@code version_bits}; {@code id}, {@code source}, {@code expected} and Stratum's {@code job_id},
 * {@code clean_jobs} and {@code worker} are ignored. Any other field, a missing field or a bad
 * value is a {@link ValidationException} naming {@code [index].field}: the whole file is refused.
 */
public final class SharesFile {
  /** Larger files are refused before they are read. */
  static final long MAX_BYTES = 16L << 20;

  private static final ComputeRwaJson JSON =
      ComputeRwaJson.builder().maxDocumentChars((int) MAX_BYTES).build();
  private static final Set<String> ENTRY_FIELDS =
      Set.of("id", "source", "expected", "subscribe", "notify", "submit", "merkle_root_hex", "set_difficulty");
  private static final Set<String> NOTIFY_FIELDS = Set.of("job_id", "prevhash", "coinb1", "coinb2", "merkle_branch",
      "version", "nbits", "ntime", "clean_jobs");
  private static final Set<String> SUBMIT_FIELDS = Set.of("worker", "job_id", "extranonce2", "ntime", "nonce",
      "version_bits");
  private static final Set<String> SUBSCRIBE_FIELDS = Set.of("extranonce1", "extranonce2_size");

  /** One share: its job and its submission. */
  public static final class Share {
    final StratumJob job;
    final ShareSubmission submission;
    private final OptionalDouble setDifficulty;

    Share(StratumJob job, ShareSubmission submission, OptionalDouble setDifficulty) {
      this.job = job;
      this.submission = submission;
      this.setDifficulty = setDifficulty;
    }

    /**
     * The pool difficulty the row states for the share's session ({@code set_difficulty}).
     *
     * @return the difficulty, or empty when the row does not state one
     */
    public OptionalDouble setDifficulty() {
      return setDifficulty;
    }

    /**
     * The job the share was mined on.
     *
     * @return the job
     */
    public StratumJob job() {
      return job;
    }

    /**
     * The miner's submission.
     *
     * @return the submission
     */
    public ShareSubmission submission() {
      return submission;
    }
  }

  private SharesFile() {}

  static List<Share> read(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ValidationException("file", size + " bytes", "must be at most " + MAX_BYTES + " bytes");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return parse(bytes);
  }

  /**
   * Reads the shares of a file's content.
   *
   * @param bytes the JSON array, UTF-8, at most 16 MiB
   * @return the shares in file order
   * @throws ValidationException naming {@code [index].field} for any bad entry: the whole file is refused
   */
  public static List<Share> parse(byte[] bytes) {
    JsonNode root = JSON.read(bytes, JsonNode.class);
    if (!root.isArray()) {
      throw new ValidationException("file", root.getNodeType(), "must be a JSON array of shares");
    }
    List<Share> shares = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String path = "[" + i + "]";
      shares.add(share(path, root.get(i)));
    }
    return shares;
  }

  /** Fields the SDK's builders name (such as {@code nonce}) get the path of their section. */
  private static Share share(String path, JsonNode entry) {
    String[] section = {path};
    try {
      return share(path, entry, section);
    } catch (ValidationException e) {
      throw e.field().startsWith("[") ? e : e.within(section[0]);
    }
  }

  private static Share share(String path, JsonNode entry, String[] section) {
    object(path, entry, ENTRY_FIELDS);
    section[0] = path + ".notify";
    JsonNode notify = entry.get("notify");
    object(path + ".notify", notify, NOTIFY_FIELDS);
    StratumJob.Builder job = StratumJob.builder()
        .prevHash(text(path + ".notify", notify, "prevhash"))
        .version(text(path + ".notify", notify, "version"))
        .bits(text(path + ".notify", notify, "nbits"))
        .time(text(path + ".notify", notify, "ntime"));
    if (notify.has("coinb1") || notify.has("coinb2")) {
      job.coinbase1(text(path + ".notify", notify, "coinb1")).coinbase2(text(path + ".notify", notify, "coinb2"));
      JsonNode branch = notify.get("merkle_branch");
      if (branch == null || !branch.isArray()) {
        throw new ValidationException(path + ".notify.merkle_branch", branch, "must be an array of hex hashes");
      }
      List<String> hashes = new ArrayList<>();
      for (int b = 0; b < branch.size(); b++) {
        if (!branch.get(b).isTextual()) {
          throw new ValidationException(path + ".notify.merkle_branch[" + b + "]", branch.get(b), "must be a hex string");
        }
        hashes.add(branch.get(b).asText());
      }
      job.merkleBranch(hashes);
    }
    if (entry.has("merkle_root_hex")) {
      section[0] = path + ".merkle_root_hex";
      job.merkleRoot(text(path, entry, "merkle_root_hex"));
    }
    section[0] = path + ".subscribe";
    JsonNode subscribe = entry.get("subscribe");
    if (subscribe != null && !subscribe.isNull()) {
      object(path + ".subscribe", subscribe, SUBSCRIBE_FIELDS);
      JsonNode size = subscribe.get("extranonce2_size");
      if (size == null || !size.canConvertToInt()) {
        throw new ValidationException(path + ".subscribe.extranonce2_size", size, "must be an integer");
      }
      job.extranonce1(text(path + ".subscribe", subscribe, "extranonce1")).extranonce2Size(size.asInt());
    }
    section[0] = path;
    StratumJob built = job.build();
    section[0] = path + ".submit";
    JsonNode submit = entry.get("submit");
    object(path + ".submit", submit, SUBMIT_FIELDS);
    String extranonce2 = submit.has("extranonce2") ? text(path + ".submit", submit, "extranonce2") : "";
    ShareSubmission submission =
        ShareSubmission.of(extranonce2, text(path + ".submit", submit, "ntime"), text(path + ".submit", submit, "nonce"));
    if (submit.has("version_bits")) {
      submission = submission.withVersionBits(text(path + ".submit", submit, "version_bits"));
    }
    if (built.hasCoinbase() && extranonce2.length() != 2 * built.extranonce2Size()) {
      throw new ValidationException(path + ".submit.extranonce2", extranonce2,
          "must be extranonce2_size = " + built.extranonce2Size() + " bytes");
    }
    return new Share(built, submission, setDifficulty(path, entry.get("set_difficulty")));
  }

  private static OptionalDouble setDifficulty(String path, @Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return OptionalDouble.empty();
    }
    double d = node.doubleValue();
    if (!node.isNumber() || !(d > 0) || Double.isInfinite(d)) {
      throw new ValidationException(path + ".set_difficulty", node.toString(),
          "must be a positive JSON number, the session's mining.set_difficulty");
    }
    return OptionalDouble.of(d);
  }

  private static void object(String path, JsonNode node, Set<String> allowed) {
    if (node == null || !node.isObject()) {
      throw new ValidationException(path, node == null ? "missing" : node.getNodeType(), "must be an object");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new ValidationException(path + "." + name, "present", "is not a field of the shares format");
      }
    }
  }

  private static String text(String path, JsonNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw new ValidationException(path + "." + field, n == null ? "missing" : n.toString(), "must be a hex string");
    }
    return n.asText();
  }
}
