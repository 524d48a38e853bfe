package org.computerwa.examples.quickstart;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.computerwa.mining.pow.BlockHash;
import org.computerwa.mining.pow.BlockHeader;
import org.computerwa.mining.pow.ChainVerification;
import org.computerwa.mining.pow.HeaderChainVerifier;
import org.computerwa.mining.pow.HeaderVerifier;
import org.computerwa.mining.pow.Network;
import org.computerwa.mining.pow.RejectReason;

/**
 * Step 9: nineteen real mainnet headers verified by sdk-mining's own SHA-256 proof-of-work
 * verifier, mainnet chosen explicitly: each hash against the hash the chain published, the chain
 * rules over the run, and a header with one flipped nonce bit refused.
 */
final class HeadersAct implements Act {
  @Override
  public String title() {
    return "Real mainnet headers verified (network chosen: mainnet)";
  }

  @Override
  public void play(Story s) {
    Report r = s.report;
    List<Map<String, String>> rows = rows();
    List<BlockHeader> headers = new ArrayList<>();
    HeaderVerifier one = HeaderVerifier.builder().network(Network.MAINNET).build();
    int wrongHashes = 0;
    for (Map<String, String> row : rows) {
      BlockHeader h = BlockHeader.parseHex(row.get("header_hex"));
      headers.add(h);
      if (!one.verify(h).equals(BlockHash.fromDisplayHex(row.get("block_hash_hex")))) {
        wrongHashes++;
      }
    }
    long first = Long.parseLong(rows.get(0).get("height"));
    // tag::headers[]
    ChainVerification chain = HeaderChainVerifier.builder()
        .network(Network.MAINNET)
        .clock(Clock.systemUTC()) // headers more than two hours ahead of it are refused
        .parallelism(1)
        .build()
        .verify(first, headers);
    // end::headers[]
    r.say("heights " + first + " .. " + (first + headers.size() - 1) + ": valid " + chain.valid() + ", tip "
        + chain.tipHash() + ", chain work " + chain.chainWork());
    r.figure("headers", headers.size());
    r.figure("tip", chain.tipHash().toString());
    r.check("hashes that differ from the published ones", wrongHashes, 0);
    r.check("chain valid", chain.valid(), true);
    r.check("tip hash", chain.tipHash(), BlockHash.fromDisplayHex(rows.get(rows.size() - 1).get("block_hash_hex")));

    byte[] tampered = headers.get(headers.size() - 1).toBytes();
    tampered[76] ^= 0x01; // one bit of the nonce
    Optional<RejectReason> refused = one.check(tampered, 0);
    r.say("expected refusal: the tip with one nonce bit flipped: " + refused.map(RejectReason::name).orElse("accepted"));
    r.check("tampered header refused", refused.map(RejectReason::name).orElse("accepted"), RejectReason.HIGH_HASH.name());
  }

  private static List<Map<String, String>> rows() {
    CsvMapper csv = new CsvMapper();
    try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader())
        .readValues(QuickstartData.text(QuickstartData.MAINNET_HEADERS))) {
      return it.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException("the bundled header file is unreadable", e);
    }
  }
}
