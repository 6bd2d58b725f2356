import java.util.Collection;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * Readiness probe for the development broker: exits 0 as soon as the broker at the given
 * bootstrap address answers a metadata request (describeCluster lists a live broker and
 * listTopics answers), 1 when it has not within the given number of seconds.
 *
 * <p>Usage: {@code java -cp 'target/lib/*:target/classes' BrokerReady 127.0.0.1:9092 90}
 */
public final class BrokerReady {
  private BrokerReady() {}

  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
    long timeoutMs = TimeUnit.SECONDS.toMillis(args.length > 1 ? Long.parseLong(args[1]) : 90);
    long deadline = System.currentTimeMillis() + timeoutMs;

    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "samabay-broker-ready");
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 200);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);

    String lastError = "no answer yet";
    try (Admin admin = Admin.create(config)) {
      while (System.currentTimeMillis() < deadline) {
        try {
          Collection<Node> brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          Set<String> topics = admin.listTopics().names().get(5, TimeUnit.SECONDS);
          if (!brokers.isEmpty()) {
            System.out.println("broker ready: " + brokers.size() + " live broker(s), " + topics.size() + " topic(s)");
            return;
          }
          lastError = "no live broker registered yet";
        } catch (Exception e) {
          lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Thread.sleep(250);
      }
    }
    System.err.println("broker at " + bootstrap + " not ready after " + timeoutMs + " ms: " + lastError);
    System.exit(1);
  }
}
