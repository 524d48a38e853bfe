package org.computerwa.chain.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of the client tests: one fresh deployment and its party clients per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnFreshDeployment {
  Fixture f;

  @BeforeAll
  void deploy() {
    f = new Fixture();
  }

  @AfterAll
  void closeClients() {
    f.close();
  }
}
