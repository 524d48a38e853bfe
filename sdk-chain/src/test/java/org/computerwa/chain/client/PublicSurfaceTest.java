package org.computerwa.chain.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The client's public signatures speak SDK and JDK types only: no web3j, no wrappers. */
class PublicSurfaceTest {
  static Stream<Class<?>> publicTypes() {
    return Stream.of(
        AssetId.class, Assets.class, ChainException.class, ChainException.Kind.class,
        ComputeRwaClient.class, ComputeRwaClient.Builder.class, Deployer.class, Deployer.Builder.class,
        Deployment.class, Deployment.Builder.class, Evidence.class, Lease.class, LeaseId.class,
        Leases.class, Outcome.class, Payments.class, Receipt.class, Revenue.class, Runway.class,
        Settlement.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTypes")
  void publicSignaturesMentionNoThirdPartyOrInternalType(Class<?> type) {
    List<String> leaks = new ArrayList<>();
    List<Executable> members = new ArrayList<>(List.of(type.getMethods()));
    members.addAll(List.of(type.getConstructors()));
    for (Executable m : members) {
      if (!Modifier.isPublic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
        continue;
      }
      List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
      types.addAll(List.of(m.getGenericExceptionTypes()));
      if (m instanceof Method) {
        types.add(((Method) m).getGenericReturnType());
      }
      for (Type t : types) {
        String name = t.getTypeName();
        if (name.contains("org.web3j") || name.contains("io.reactivex") || name.contains("okhttp")
            || name.contains(".internal.")) {
          leaks.add(m + " uses " + name);
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(type.getConstructors()).as("API classes are built by factories and builders").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("publicTypes")
  void everyPublicTypeIsFinalOrAnEnum(Class<?> type) {
    assertThat(Modifier.isFinal(type.getModifiers()) || type.isEnum()).isTrue();
  }
}
