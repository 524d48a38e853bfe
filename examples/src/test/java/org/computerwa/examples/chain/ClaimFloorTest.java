package org.computerwa.examples.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClaimFloorTest {
  private static List<Long> figures(String text) {
    List<Long> out = new ArrayList<>();
    Matcher m = Pattern.compile("\\d[\\d,]*").matcher(text);
    while (m.find()) {
      out.add(Long.parseLong(m.group().replace(",", "")));
    }
    return out;
  }

  @Test
  void theNotesArithmeticAddsUpToTheFloorItStates() {
    String note = ClaimFloor.firstClaimNote();
    String sum = note.substring(note.indexOf("target: ") + 8, note.indexOf(" gas, which leaves"));
    List<Long> terms = figures(sum.substring(0, sum.lastIndexOf('=')));
    long stated = figures(sum.substring(sum.lastIndexOf('='))).get(0);
    assertThat(terms).hasSize(10);
    assertThat(terms.stream().mapToLong(Long::longValue).sum()).isEqualTo(stated).isEqualTo(ClaimFloor.anyDesign());
    assertThat(note).contains(String.format(java.util.Locale.ROOT, "leaves %,d gas",
        ClientGasScenario.CLAIM_TARGET - stated));
  }

  @Test
  void theStorageWritesOfAnyFirstClaimAloneLeaveLessThanAThousandGasOfTheTarget() {
    // what is left must pay for calldata and for every instruction of two contracts
    assertThat(ClientGasScenario.CLAIM_TARGET - ClaimFloor.anyDesign()).isBetween(0L, 1_000L);
    assertThat(ClaimFloor.thisDesign()).isGreaterThan(ClientGasScenario.CLAIM_TARGET);
  }
}
