package org.computerwa.examples.mining;

import java.util.List;
import java.util.Map;
import org.computerwa.examples.cli.MarkdownTable;
import org.computerwa.mining.share.StratumSession;
import org.jspecify.annotations.Nullable;

/**
 * The {@code shares verify} result as Markdown: a summary (how many shares are valid, which pool
 * difficulty and version mask they were checked against), then one table row per share. It
 * renders the same row maps the command prints as JSON, so the two cannot disagree; the table
 * adds the pool difficulty each share was checked against.
 */
final class SharesVerifyMarkdown {
  private SharesVerifyMarkdown() {}

  static String render(String fileName, boolean difficultyFromOption, @Nullable String versionMask,
      List<StratumSession> sessions, List<Map<String, Object>> rows) {
    long valid = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("valid"))).count();
    long network = rows.stream().filter(r -> Boolean.TRUE.equals(r.get("meetsNetworkTarget"))).count();
    StringBuilder md = new StringBuilder();
    md.append("Shares of `").append(MarkdownTable.cell(fileName)).append("`: ").append(rows.size())
        .append(rows.size() == 1 ? " share, " : " shares, ").append(valid).append(" valid, ")
        .append(rows.size() - valid).append(" invalid; ").append(network)
        .append(network == 1 ? " meets" : " meet").append(" the network target.\n\n");
    md.append("Pool difficulty: ");
    if (difficultyFromOption && !sessions.isEmpty()) {
      md.append(SharesVerifyCommand.json(sessions.get(0).poolDifficulty())).append(" (`--pool-difficulty`)");
    } else {
      md.append("the `set_difficulty` each share's row states");
    }
    md.append(". Version-rolling mask: ")
        .append(versionMask == null ? "none granted (no version bits may be rolled)" : "`" + versionMask + "`")
        .append(".\n\n");
    MarkdownTable table = MarkdownTable.withColumns("index", "valid", "block hash", "share difficulty",
        "pool difficulty", "meets network target", "reason").alignRight(0, 3, 4);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      Object hash = r.get("hash");
      Object difficulty = r.get("shareDifficulty");
      table.row(r.get("index"), Boolean.TRUE.equals(r.get("valid")) ? "yes" : "**no**",
          hash == null ? null : "`" + hash + "`", difficulty == null ? null : SharesVerifyCommand.json(difficulty),
          SharesVerifyCommand.json(sessions.get(i).poolDifficulty()),
          Boolean.TRUE.equals(r.get("meetsNetworkTarget")) ? "yes" : "no", r.get("reason"));
    }
    return md.append(table).toString();
  }
}
