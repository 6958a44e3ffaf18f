package dev.rollcall.connectors.atlas.pull;

import java.util.Map;
import java.util.Objects;

/**
 * The secret half of an Atlas connection: a service account's client id and secret, or a
 * programmatic API key pair. Handed in by the caller (read from the environment, never from a
 * file); {@link #toString()} never shows a secret.
 */
public sealed interface AtlasCredentials {
  /** Environment variable holding a service account's client id. */
  String CLIENT_ID_ENV = "ROLLCALL_ATLAS_CLIENT_ID";

  /** Environment variable holding a service account's client secret. */
  String CLIENT_SECRET_ENV = "ROLLCALL_ATLAS_CLIENT_SECRET";

  /** Environment variable holding a programmatic API key's public key. */
  String PUBLIC_KEY_ENV = "ROLLCALL_ATLAS_PUBLIC_KEY";

  /** Environment variable holding a programmatic API key's private key. */
  String PRIVATE_KEY_ENV = "ROLLCALL_ATLAS_PRIVATE_KEY";

  /** Which way the credentials sign in. */
  AtlasSettings.Auth auth();

  /**
   * An Atlas service account: OAuth 2.0 client credentials exchanged for a bearer token at {@code
   * /api/oauth/token}.
   */
  record ServiceAccount(String clientId, String clientSecret) implements AtlasCredentials {
    public ServiceAccount {
      clientId = required(clientId, CLIENT_ID_ENV);
      clientSecret = required(clientSecret, CLIENT_SECRET_ENV);
    }

    @Override
    public AtlasSettings.Auth auth() {
      return AtlasSettings.Auth.SERVICE_ACCOUNT;
    }

    @Override
    public String toString() {
      return "ServiceAccount[clientId=" + clientId + ", clientSecret=****]";
    }
  }

  /**
   * A programmatic API key: HTTP Digest with the public key as user and private key as password.
   */
  record ApiKey(String publicKey, String privateKey) implements AtlasCredentials {
    public ApiKey {
      publicKey = required(publicKey, PUBLIC_KEY_ENV);
      privateKey = required(privateKey, PRIVATE_KEY_ENV);
    }

    @Override
    public AtlasSettings.Auth auth() {
      return AtlasSettings.Auth.API_KEY;
    }

    @Override
    public String toString() {
      return "ApiKey[publicKey=" + publicKey + ", privateKey=****]";
    }
  }

  /**
   * Reads the credentials for {@code auth} from environment variables ({@code System.getenv()} in
   * production), failing with the name of the missing variable (never its value).
   */
  public static AtlasCredentials fromEnvironment(AtlasSettings.Auth auth, Map<String, String> env) {
    Objects.requireNonNull(auth, "auth");
    return switch (auth) {
      case SERVICE_ACCOUNT ->
          new ServiceAccount(env.get(CLIENT_ID_ENV), env.get(CLIENT_SECRET_ENV));
      case API_KEY -> new ApiKey(env.get(PUBLIC_KEY_ENV), env.get(PRIVATE_KEY_ENV));
    };
  }

  private static String required(String value, String variable) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Atlas credentials: " + variable + " is not set");
    }
    return value.strip();
  }
}
