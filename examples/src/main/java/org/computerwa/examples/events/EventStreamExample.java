package org.computerwa.examples.events;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.computerwa.chain.client.AssetId;
import org.computerwa.chain.client.ComputeRwaClient;
import org.computerwa.chain.client.Deployment;
import org.computerwa.chain.events.EventListener;
import org.computerwa.chain.events.EventPosition;
import org.computerwa.chain.events.EventStream;
import org.computerwa.chain.tx.Journal;
import org.computerwa.core.ValidationException;
import org.computerwa.core.crypto.Address;
import org.computerwa.core.crypto.SigningKey;
import org.computerwa.core.event.ChainEvent;
import org.computerwa.examples.devnet.ExampleStory;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Example: follow the contracts' typed events with a checkpoint kept in a SQLite journal, stop,
 * and after a restart receive only what happened in between.
 *
 * <pre>{@code
 * java -jar examples/target/computerwa.jar example-event-stream
 * }</pre>
 *
 * <p>{@link #run} takes what a program of your own has: the node's RPC URL, the chain id it
 * expects, the deployed contracts, the journal file, and (to make something happen while the
 * stream is stopped) the platform's key. The subcommand runs it on a local chain it starts and
 * takes through the whole story first (an asset registered, leased, evidenced, pledged, settled
 * and claimed). Needs {@code org.computerwa:sdk-chain}.
 */
@Command(
    name = "example-event-stream",
    mixinStandardHelpOptions = true,
    description = "Example program: follows the typed event stream across a restart (local chain).")
public final class EventStreamExample implements Callable<Integer> {
  @Spec private @Nullable CommandSpec spec;

  /** Creates the example (picocli runs it). */
  public EventStreamExample() {}

  /**
   * Runs the example on its own.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.exit(new CommandLine(new EventStreamExample()).execute(args));
  }

  @Override
  public Integer call() {
    return ExampleStory.runUntil(ExampleStory.Step.EVENT_STREAM, Objects.requireNonNull(spec).commandLine());
  }

  /**
   * Reads every event so far, stops, lets the platform verify a new holder, restarts and reads
   * again.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect the node to serve
   * @param contracts the deployed contracts
   * @param journalFile where the checkpoint lives (a SQLite file)
   * @param platformKey the compliance officer, who verifies the new holder
   * @param asset an asset whose distributor is followed too
   * @param newHolder the holder to verify while the stream is stopped
   * @param out where the results go
   * @return the events the restarted stream delivered
   */
  public static List<ChainEvent> run(String rpcUrl, long chainId, Deployment contracts, Path journalFile,
      SigningKey platformKey, AssetId asset, Address newHolder, PrintWriter out) {
    try (ComputeRwaClient platform = connect(rpcUrl, chainId, contracts, platformKey)) {
      // tag::follow[]
      List<Address> followed = new ArrayList<>(contracts.asMap().values());
      followed.add(platform.assets().distributorOf(asset));     // Claimed events come from here
      List<ChainEvent> seen = new ArrayList<>();
      EventListener listener = new EventListener() {
        @Override
        public void onEvent(ChainEvent event, EventPosition at) {
          seen.add(event);               // at least once: key your own store on (blockHash, logIndex)
        }

        @Override
        public void onRemoved(ChainEvent event, EventPosition at) {
          seen.remove(event);            // a reorganisation took it off the chain
        }
      };
      try (Journal journal = Journal.sqlite(journalFile);
          EventStream stream = EventStream.builder()
              .rpcUrl(rpcUrl)
              .chainId(chainId)                  // checked against the node
              .journal(journal)                  // the checkpoint lives in the journal's database
              .name("example")                   // one checkpoint per name
              .contracts(followed)
              .startBlock(0)
              .listener(listener)
              .build()) {
        stream.poll();                           // everything from the start block to the head
        out.println("first run: " + seen.size() + " events " + countByType(seen)
            + ", checkpoint block " + stream.checkpoint().orElseThrow().blockNumber());
      }
      // end::follow[]

      // While the follower is stopped, something happens on chain.
      platform.assets().verifyHolders(List.of(newHolder));

      // tag::restart[]
      // Restarted with the same journal and name, the stream resumes after its checkpoint.
      seen.clear();
      try (Journal journal = Journal.sqlite(journalFile);
          EventStream stream = EventStream.builder()
              .rpcUrl(rpcUrl).chainId(chainId).journal(journal).name("example")
              .contracts(followed).startBlock(0).listener(listener)
              .build()) {
        stream.poll();
        out.println("after the restart: " + seen);
      }
      // end::restart[]
      out.flush();
      return List.copyOf(seen);
    }
  }

  private static Map<String, Integer> countByType(List<ChainEvent> events) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ChainEvent e : events) {
      counts.merge(e.getClass().getSimpleName(), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Connects with one key and checks that the node serves the chain you expect.
   *
   * @param rpcUrl the node's JSON-RPC URL
   * @param chainId the chain id you expect
   * @param contracts the deployed contracts
   * @param key the signer
   * @return the client; close it
   */
  static ComputeRwaClient connect(String rpcUrl, long chainId, Deployment contracts, SigningKey key) {
    ComputeRwaClient client = ComputeRwaClient.builder()
        .rpcUrl(rpcUrl)
        .signer(key)
        .contracts(contracts)
        .journal(Journal.inMemory())     // a dev chain; a service journals to Journal.sqlite(path)
        .confirmations(1)                // a dev chain; 12 or more on a public chain
        .pollInterval(Duration.ofMillis(10))
        .build();
    if (client.chainId() != chainId) {
      long served = client.chainId();
      client.close();
      throw new ValidationException("chainId", chainId, "must be the chain the node serves, " + served);
    }
    return client;
  }
}
