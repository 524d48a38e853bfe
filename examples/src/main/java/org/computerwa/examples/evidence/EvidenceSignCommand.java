package org.computerwa.examples.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.Bytes32;
import org.computerwa.core.crypto.Eip712Domain;
import org.computerwa.core.crypto.Signature;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.evidence.UsageStatement;
import org.computerwa.examples.cli.ComputerwaCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code computerwa evidence sign}: signs usage statements with the device key (EIP-712) and
 * prints, per statement, the typed data, its digest, the signature and the signer.
 *
 * <pre>{@code
 * computerwa evidence sign --key 0x4bbb... --chain-id 31337 \
 *     --contract 0x5FbDB2315678afecb367f032d93F642f64180aa3 --in statements.json
 * }</pre>
 *
 * <p>The input is {@code {"statements":[{"assetId":"1","device":"0x...","periodStart":
 * "2026-11-28T00:00:00Z","periodEnd":"2026-11-28T01:00:00Z","kind":"AVAILABILITY","value":"3420",
 * "availabilityBps":9500}, ...]}}, read by the SDK's hardened JSON reader (unknown or duplicate
 * fields, trailing data and files over 16 MiB are refused). Every statement's device must be the
 * key's address. The output is a JSON array, one element per statement in input order:
 * {@code {"typedData":{...},"digest":"0x...","signature":"0x...","signer":"0x..."}}, where
 * {@code typedData} is exactly what {@code eth_signTypedData_v4} takes. Exit 0 when every
 * statement was signed; 2 on any bad input, with a message naming the statement and field, and
 * nothing on standard output.
 */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = "Sign usage statements with the device key (EIP-712); prints typed data, digest, signature and signer per statement.")
public final class EvidenceSignCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, paramLabel = "HEX", description = "The device's private key, 64 hex digits.")
  String key;

  @Option(names = "--chain-id", required = true, paramLabel = "N", description = "The chain id of the usage domain.")
  long chainId;

  @Option(names = "--contract", required = true, paramLabel = "ADDR",
      description = "The evidence anchor contract of the usage domain.")
  String contract;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The statements file.")
  Path in;

  /** Creates the command; picocli fills the options. */
  public EvidenceSignCommand() {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ArrayNode signed = JSON.createArrayNode();
    try {
      SigningKey deviceKey = SigningKey.fromHex(key);
      Eip712Domain domain = UsageStatement.domain(chainId, parseContract(contract));
      List<UsageStatement> statements = StatementJson.readStatementsFile(InputFile.json(in));
      for (int i = 0; i < statements.size(); i++) {
        if (!statements.get(i).device().equals(deviceKey.address())) {
          throw new ValidationException("statements[" + i + "].device", statements.get(i).device(),
              "must be the address of --key (" + deviceKey.address() + ")");
        }
      }
      for (UsageStatement s : statements) {
        Bytes32 digest = s.digest(domain);
        Signature sig = s.sign(deviceKey, domain).signature();
        ObjectNode row = signed.addObject();
        row.set("typedData", StatementJson.typedData(s, domain));
        row.put("digest", digest.toHex());
        row.put("signature", sig.toHex());
        row.put("signer", deviceKey.address().toChecksumHex());
      }
    } catch (ValidationException e) {
      err.println("evidence sign: " + e.getMessage());
      return ComputerwaCli.EXIT_USAGE;
    } catch (UncheckedIOException e) {
      err.println("evidence sign: cannot read " + in + ": " + e.getCause().getMessage());
      return ComputerwaCli.EXIT_USAGE;
    }
    out.println(JSON.writeValueAsString(signed));
    out.flush();
    return 0;
  }

  private static Address parseContract(String text) {
    try {
      return Address.fromHex(text);
    } catch (ValidationException e) {
      throw new ValidationException("--contract", text, e.rule());
    }
  }
}
