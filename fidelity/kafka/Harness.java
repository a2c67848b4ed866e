// The Kafka half of the fidelity oracle: the real Java client (kafka-clients 4.4.0) driven by a JSON
// script. One step per line on stdin, one JSON answer per line on stdout (so a test can drive it step
// by step, and "crash" can kill it between steps). Plain javac + java -cp; Jackson is on Kafka's
// classpath. Usage: java -cp 'lib/*:target/classes' Harness <bootstrap servers>
//
// Every answer is {"ok":true,...} or {"ok":false,"error":"<exception class>: <message>"}.
// Client logs go to stderr; stdout carries only answers.

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListShareGroupOffsetsSpec;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.consumer.RoundRobinAssignor;
import org.apache.kafka.clients.consumer.StickyAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.internals.AppInfoParser;

public final class Harness {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap;
  private final Admin admin;
  private final Map<String, KafkaProducer<String, String>> producers = new HashMap<>();
  private final Map<String, GroupConsumer> consumers = new LinkedHashMap<>();
  private final Map<String, KafkaShareConsumer<String, String>> shareConsumers = new HashMap<>();
  /** Records a share consumer polled with ack HOLD: acknowledged later by shareAck. */
  private final Map<String, List<ConsumerRecord<String, String>>> heldShareRecords = new HashMap<>();
  /** Background producing (startProducing): the sending thread and each record's outcome. */
  private final Map<String, Thread> producingThreads = new HashMap<>();
  private final Map<String, String[]> producingResults = new HashMap<>();

  /** A subscribed consumer, its rebalance callbacks and the records it received but nobody asked for yet. */
  private static final class GroupConsumer {
    final String name;
    final String group;
    final KafkaConsumer<String, String> consumer;
    final ArrayNode events = JSON.createArrayNode();
    final List<ConsumerRecord<String, String>> buffered = new ArrayList<>();

    GroupConsumer(String name, String group, KafkaConsumer<String, String> consumer) {
      this.name = name;
      this.group = group;
      this.consumer = consumer;
    }
  }

  private Harness(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    this.admin = Admin.create(p);
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err); // anything a library prints goes to stderr, never into the answers
    String bootstrap = args.length > 0 ? args[0] : System.getenv("KAFKA_BOOTSTRAP");
    Harness h = new Harness(bootstrap);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isBlank()) continue;
      ObjectNode answer;
      try {
        JsonNode step = JSON.readTree(line);
        if ("exit".equals(step.path("op").asText())) break;
        answer = h.run(step);
        answer.put("ok", true);
      } catch (Throwable t) {
        Throwable cause = t instanceof java.util.concurrent.ExecutionException && t.getCause() != null ? t.getCause() : t;
        answer = JSON.createObjectNode();
        answer.put("ok", false);
        answer.put("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
      }
      out.println(JSON.writeValueAsString(answer));
    }
    h.closeAll();
    out.flush();
    // The clients' threads must not keep the JVM alive.
    System.exit(0);
  }

  private void closeAll() {
    for (GroupConsumer c : consumers.values()) c.consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    for (KafkaShareConsumer<String, String> c : shareConsumers.values()) c.close(Duration.ofSeconds(5));
    for (KafkaProducer<String, String> p : producers.values()) p.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }

  private ObjectNode run(JsonNode s) throws Exception {
    String op = s.path("op").asText();
    switch (op) {
      case "version": {
        ObjectNode o = JSON.createObjectNode();
        o.put("client", AppInfoParser.getVersion());
        return o;
      }
      case "awaitBrokers":
        return awaitBrokers(s.path("count").asInt(1), s.path("timeoutMs").asLong(60_000));
      case "brokerConfig":
        return brokerConfig(s);
      case "createTopic":
        return createTopic(s);
      case "addPartitions":
        return addPartitions(s);
      case "alterTopicConfig":
        return alterTopicConfig(s);
      case "logSize":
        return logSize(s);
      case "setCommitted":
        return setCommitted(s);
      case "describeTopic":
        return describeTopic(s.path("topic").asText());
      case "produce":
        return produce(s);
      case "listOffsets":
        return listOffsets(s);
      case "readAll":
        return readAll(s);
      case "consumer":
        return newConsumer(s);
      case "poll":
        return poll(s);
      case "pollUntil":
        return pollUntil(s);
      case "pollTo":
        return pollTo(s);
      case "commit":
        return commit(s);
      case "seek":
        return seek(s);
      case "position":
        return positions(consumer(s));
      case "close":
        return close(s);
      case "crash":
        // Exit without committing, leaving the group or closing anything: as if the process died.
        Runtime.getRuntime().halt(137);
        return null;
      case "committed":
        return committed(s.path("group").asText());
      case "describeGroup":
        return describeGroup(s.path("group").asText());
      case "assign":
        return assign(s);
      case "alterGroupConfig":
        return alterGroupConfig(s);
      case "shareConsumer":
        return newShareConsumer(s);
      case "sharePoll":
        return sharePoll(s);
      case "shareClose":
        return shareClose(s);
      case "describeShareGroup":
        return describeShareGroup(s);
      case "shareAck":
        return shareAck(s);
      case "startProducing":
        return startProducing(s);
      case "producingResult":
        return producingResult(s);
      default:
        throw new IllegalArgumentException("unknown op \"" + op + "\"");
    }
  }

  // ---------- cluster and topics ----------

  private ObjectNode awaitBrokers(int count, long timeoutMs) throws Exception {
    long end = System.currentTimeMillis() + timeoutMs;
    Exception last = null;
    while (System.currentTimeMillis() < end) {
      try {
        Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        if (nodes.size() >= count) {
          ObjectNode o = JSON.createObjectNode();
          ArrayNode ids = o.putArray("brokers");
          nodes.stream().map(Node::id).sorted().forEach(ids::add);
          o.put("clusterId", admin.describeCluster().clusterId().get());
          o.put("client", AppInfoParser.getVersion());
          return o;
        }
      } catch (Exception e) {
        last = e;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("fewer than " + count + " brokers answered within " + timeoutMs + " ms" + (last == null ? "" : " (" + last + ")"));
  }

  private ObjectNode brokerConfig(JsonNode s) throws Exception {
    Node any = admin.describeCluster().nodes().get().iterator().next();
    ConfigResource r = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(any.id()));
    Config c = admin.describeConfigs(List.of(r)).all().get().get(r);
    ObjectNode o = JSON.createObjectNode();
    ObjectNode values = o.putObject("configs");
    for (JsonNode n : s.path("names")) {
      ConfigEntry e = c.get(n.asText());
      if (e == null) values.putNull(n.asText());
      else values.put(n.asText(), e.value());
    }
    return o;
  }

  private ObjectNode createTopic(JsonNode s) throws Exception {
    String topic = s.path("topic").asText();
    int partitions = s.path("partitions").asInt(1);
    short rf = (short) s.path("replicationFactor").asInt(1);
    NewTopic t = new NewTopic(topic, partitions, rf);
    Map<String, String> configs = new HashMap<>();
    s.path("configs").properties().forEach(e -> configs.put(e.getKey(), e.getValue().asText()));
    t.configs(configs);
    admin.createTopics(List.of(t)).all().get();
    awaitLeaders(topic, partitions);
    return describeTopic(topic);
  }

  private ObjectNode addPartitions(JsonNode s) throws Exception {
    String topic = s.path("topic").asText();
    int total = s.path("total").asInt();
    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(total))).all().get();
    awaitLeaders(topic, total);
    return describeTopic(topic);
  }

  /** {topic, configs}: incremental SET of topic configs ("-1" and other values as strings). */
  private ObjectNode alterTopicConfig(JsonNode s) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, s.path("topic").asText());
    List<AlterConfigOp> ops = new ArrayList<>();
    s.path("configs").properties().forEach(e -> ops.add(new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue().asText()), AlterConfigOp.OpType.SET)));
    admin.incrementalAlterConfigs(Map.of(r, ops)).all().get();
    return JSON.createObjectNode();
  }

  /** Bytes each partition of the topic holds on disk (the sum of its segments), from describeLogDirs. */
  private ObjectNode logSize(JsonNode s) throws Exception {
    String topic = s.path("topic").asText();
    List<Integer> brokers = new ArrayList<>();
    for (Node n : admin.describeCluster().nodes().get()) brokers.add(n.id());
    ObjectNode o = JSON.createObjectNode();
    ObjectNode sizes = o.putObject("sizes");
    admin.describeLogDirs(brokers).allDescriptions().get().forEach((broker, dirs) -> dirs.forEach((dir, d) -> d.replicaInfos().forEach((tp, info) -> {
      if (tp.topic().equals(topic)) sizes.put(String.valueOf(tp.partition()), info.size());
    })));
    return o;
  }

  /** {group, offsets: {"topic-p": offset}}: commits for a group with no active member (kafka-consumer-groups --reset-offsets). */
  private ObjectNode setCommitted(JsonNode s) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
    s.path("offsets").properties().forEach(e -> m.put(parseTp(e.getKey()), new OffsetAndMetadata(e.getValue().asLong())));
    admin.alterConsumerGroupOffsets(s.path("group").asText(), m).all().get();
    return JSON.createObjectNode();
  }

  /** Waits until the topic has `partitions` partitions, each with a leader, as the clients will see it. */
  private void awaitLeaders(String topic, int partitions) throws Exception {
    long end = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        if (d.partitions().size() == partitions && d.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
          // listOffsets answers only once each leader has the partition.
          Map<TopicPartition, OffsetSpec> q = new HashMap<>();
          for (int p = 0; p < partitions; p++) q.put(new TopicPartition(topic, p), OffsetSpec.latest());
          admin.listOffsets(q).all().get(5, TimeUnit.SECONDS);
          return;
        }
      } catch (Exception e) {
        if (System.currentTimeMillis() > end) throw e;
      }
      if (System.currentTimeMillis() > end) throw new IllegalStateException(topic + " has no leader for every partition after 30 s");
      Thread.sleep(50);
    }
  }

  private ObjectNode describeTopic(String topic) throws Exception {
    TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    ObjectNode o = JSON.createObjectNode();
    o.put("topic", topic);
    ArrayNode parts = o.putArray("partitions");
    for (TopicPartitionInfo p : d.partitions()) {
      ObjectNode n = parts.addObject();
      n.put("partition", p.partition());
      n.put("leader", p.leader() == null ? -1 : p.leader().id());
      ArrayNode replicas = n.putArray("replicas");
      p.replicas().forEach(r -> replicas.add(r.id()));
      ArrayNode isr = n.putArray("isr");
      p.isr().forEach(r -> isr.add(r.id()));
    }
    return o;
  }

  // ---------- producing ----------

  private KafkaProducer<String, String> producer(JsonNode s) {
    String name = s.path("producer").asText("default");
    return producers.computeIfAbsent(name, k -> {
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
      s.path("configs").properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
      return new KafkaProducer<>(p);
    });
  }

  /**
   * Produces records in order ({key, value, partition?, timestamp?}; null key or value allowed) and
   * answers each one's partition, offset and timestamp. `oneBatchEach` waits for each send, so every
   * record is its own batch (a known size on disk, for segment and retention tests).
   */
  private ObjectNode produce(JsonNode s) throws Exception {
    KafkaProducer<String, String> producer = producer(s);
    String topic = s.path("topic").asText();
    boolean each = s.path("oneBatchEach").asBoolean(false);
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    ObjectNode o = JSON.createObjectNode();
    ArrayNode results = o.putArray("records");
    for (JsonNode r : s.path("records")) {
      String key = r.path("key").isNull() || r.path("key").isMissingNode() ? null : r.path("key").asText();
      String value = r.path("value").isNull() ? null : r.path("value").asText("v");
      Integer partition = r.has("partition") && !r.path("partition").isNull() ? r.path("partition").asInt() : null;
      Long ts = r.has("timestamp") && !r.path("timestamp").isNull() ? r.path("timestamp").asLong() : null;
      Future<RecordMetadata> f = producer.send(new ProducerRecord<>(topic, partition, ts, key, value));
      if (each) f.get();
      sent.add(f);
    }
    producer.flush();
    boolean collect = s.path("collectErrors").asBoolean(false);
    for (Future<RecordMetadata> f : sent) {
      RecordMetadata m;
      if (collect) {
        try {
          m = f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          results.addObject().put("error", e.getCause().getClass().getSimpleName());
          continue;
        }
      } else m = f.get();
      ObjectNode n = results.addObject();
      n.put("partition", m.partition());
      n.put("offset", m.offset());
      n.put("timestamp", m.timestamp());
    }
    return o;
  }

  /**
   * {producer, topic, count, intervalMs, configs}: sends records value "m0" … in a background thread,
   * one every intervalMs (so a test can kill a broker meanwhile); producingResult waits for them.
   */
  private ObjectNode startProducing(JsonNode s) {
    KafkaProducer<String, String> producer = producer(s);
    String name = s.path("producer").asText("default");
    String topic = s.path("topic").asText();
    int count = s.path("count").asInt();
    long interval = s.path("intervalMs").asLong(10);
    String[] results = new String[count];
    producingResults.put(name, results);
    Thread t = new Thread(() -> {
      for (int i = 0; i < count; i++) {
        final int n = i;
        producer.send(new ProducerRecord<>(topic, null, "m" + i), (m, e) -> {
          synchronized (results) {
            results[n] = e == null ? "ok:" + m.partition() + ":" + m.offset() : "error:" + e.getClass().getSimpleName();
          }
        });
        try {
          Thread.sleep(interval);
        } catch (InterruptedException e) {
          return;
        }
      }
      producer.flush();
    });
    t.start();
    producingThreads.put(name, t);
    return JSON.createObjectNode();
  }

  /** {producer}: waits for a startProducing run to end; answers each record's "ok:partition:offset" or "error:<exception>". */
  private ObjectNode producingResult(JsonNode s) throws Exception {
    String name = s.path("producer").asText("default");
    producingThreads.remove(name).join();
    ObjectNode o = JSON.createObjectNode();
    ArrayNode out = o.putArray("results");
    String[] results = producingResults.remove(name);
    synchronized (results) {
      for (String r : results) out.add(r);
    }
    return o;
  }

  // ---------- offsets ----------

  private OffsetSpec offsetSpec(JsonNode spec) {
    if (spec.isObject() && spec.has("timestamp")) return OffsetSpec.forTimestamp(spec.path("timestamp").asLong());
    switch (spec.asText("latest")) {
      case "earliest":
        return OffsetSpec.earliest();
      case "maxTimestamp":
        return OffsetSpec.maxTimestamp();
      case "earliestLocal":
        return OffsetSpec.earliestLocal();
      default:
        return OffsetSpec.latest();
    }
  }

  private int partitionCount(String topic) throws Exception {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
  }

  /** Per partition: the offset the spec names (log start = earliest, log-end = latest) and its timestamp. */
  private ObjectNode listOffsets(JsonNode s) throws Exception {
    String topic = s.path("topic").asText();
    int n = partitionCount(topic);
    Map<TopicPartition, OffsetSpec> q = new HashMap<>();
    for (int p = 0; p < n; p++) q.put(new TopicPartition(topic, p), offsetSpec(s.path("spec")));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> r = admin.listOffsets(q).all().get();
    ObjectNode o = JSON.createObjectNode();
    ArrayNode parts = o.putArray("partitions");
    for (int p = 0; p < n; p++) {
      ListOffsetsResult.ListOffsetsResultInfo i = r.get(new TopicPartition(topic, p));
      ObjectNode e = parts.addObject();
      e.put("partition", p);
      e.put("offset", i.offset());
      e.put("timestamp", i.timestamp());
    }
    return o;
  }

  /** Every record still in the topic, from each partition's log start to its log-end offset, without a group. */
  private ObjectNode readAll(JsonNode s) throws Exception {
    String topic = s.path("topic").asText();
    int n = partitionCount(topic);
    Properties p = consumerProps(null, JSON.createObjectNode());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    ObjectNode o = JSON.createObjectNode();
    ArrayNode out = o.putArray("records");
    try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
      List<TopicPartition> tps = new ArrayList<>();
      for (int i = 0; i < n; i++) tps.add(new TopicPartition(topic, i));
      c.assign(tps);
      c.seekToBeginning(tps);
      Map<TopicPartition, Long> ends = c.endOffsets(tps);
      long deadline = System.currentTimeMillis() + s.path("timeoutMs").asLong(30_000);
      List<ConsumerRecord<String, String>> got = new ArrayList<>();
      while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("readAll: not at the log end after the timeout");
        for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) got.add(r);
      }
      got.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
      for (ConsumerRecord<String, String> r : got) out.add(recordJson(r));
    }
    return o;
  }

  // ---------- consumer groups ----------

  private Properties consumerProps(String group, JsonNode configs) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    if (group != null) p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    configs.properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
    return p;
  }

  private GroupConsumer consumer(JsonNode s) {
    GroupConsumer c = consumers.get(s.path("name").asText());
    if (c == null) throw new IllegalArgumentException("no consumer \"" + s.path("name").asText() + "\"");
    return c;
  }

  /** {name, group, topics, configs}: a KafkaConsumer subscribed to topics (auto-commit off unless configs say so). */
  private ObjectNode newConsumer(JsonNode s) {
    String name = s.path("name").asText();
    String group = s.path("group").asText();
    Properties p = consumerProps(group, s.path("configs"));
    p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, name);
    KafkaConsumer<String, String> kc = new KafkaConsumer<>(p);
    GroupConsumer c = new GroupConsumer(name, group, kc);
    List<String> topics = new ArrayList<>();
    s.path("topics").forEach(t -> topics.add(t.asText()));
    kc.subscribe(topics, new ConsumerRebalanceListener() {
      private void log(String type, Collection<TopicPartition> parts) {
        ObjectNode e = c.events.addObject();
        e.put("type", type);
        e.set("partitions", partitionList(parts));
      }

      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> parts) {
        log("revoked", parts);
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> parts) {
        log("assigned", parts);
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> parts) {
        log("lost", parts);
      }
    });
    consumers.put(name, c);
    return JSON.createObjectNode();
  }

  private static ArrayNode partitionList(Collection<TopicPartition> parts) {
    ArrayNode a = JSON.createArrayNode();
    parts.stream().sorted((x, y) -> x.topic().equals(y.topic()) ? Integer.compare(x.partition(), y.partition()) : x.topic().compareTo(y.topic())).forEach(tp -> a.add(tp.topic() + "-" + tp.partition()));
    return a;
  }

  private static ObjectNode recordJson(ConsumerRecord<String, String> r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("topic", r.topic());
    n.put("partition", r.partition());
    n.put("offset", r.offset());
    if (r.key() == null) n.putNull("key");
    else n.put("key", r.key());
    if (r.value() == null) n.putNull("value");
    else n.put("value", r.value());
    n.put("timestamp", r.timestamp());
    r.deliveryCount().ifPresent(d -> n.put("deliveryCount", d));
    return n;
  }

  /** Polls once; a client exception (no offset and auto.offset.reset=none, …) is answered as `error`. */
  private void pollInto(GroupConsumer c, long ms, ObjectNode errors) {
    try {
      ConsumerRecords<String, String> rs = c.consumer.poll(Duration.ofMillis(ms));
      for (ConsumerRecord<String, String> r : rs) c.buffered.add(r);
    } catch (RuntimeException e) {
      errors.put(c.name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private ObjectNode consumerState(GroupConsumer c, int maxRecords) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode recs = n.putArray("records");
    int take = Math.min(maxRecords, c.buffered.size());
    for (int i = 0; i < take; i++) recs.add(recordJson(c.buffered.get(i)));
    c.buffered.subList(0, take).clear();
    n.set("assignment", partitionList(c.consumer.assignment()));
    n.set("events", c.events.deepCopy());
    c.events.removeAll();
    return n;
  }

  /** {name, timeoutMs, maxRecords?}: one poll, then the records received (oldest first) and the rebalance callbacks. */
  private ObjectNode poll(JsonNode s) {
    GroupConsumer c = consumer(s);
    ObjectNode errors = JSON.createObjectNode();
    if (c.buffered.isEmpty()) pollInto(c, s.path("timeoutMs").asLong(500), errors);
    ObjectNode o = consumerState(c, s.path("maxRecords").asInt(Integer.MAX_VALUE));
    if (errors.has(c.name)) o.put("error", errors.path(c.name).asText());
    return o;
  }

  /**
   * {names, until, timeoutMs}: polls the named consumers in turn (one thread, short polls) until the
   * condition holds. until = {"stable": group}: the group's coordinator says Stable, lists exactly these
   * members, and each member's assignment there equals what the client holds (and its target, with the
   * consumer protocol); {"records": n}: n records received in all; {"error": name}: that consumer's poll
   * threw. Answers per consumer: records received (kept for nobody else), assignment, callbacks.
   */
  private ObjectNode pollUntil(JsonNode s) throws Exception {
    List<GroupConsumer> cs = new ArrayList<>();
    for (JsonNode n : s.path("names")) cs.add(consumers.get(n.asText()));
    if (cs.contains(null)) throw new IllegalArgumentException("pollUntil names an unknown consumer");
    JsonNode until = s.path("until");
    long deadline = System.currentTimeMillis() + s.path("timeoutMs").asLong(60_000);
    ObjectNode errors = JSON.createObjectNode();
    long lastCheck = 0;
    boolean done = false;
    while (!done) {
      for (GroupConsumer c : cs) pollInto(c, 20, errors);
      if (until.has("records")) done = cs.stream().mapToInt(c -> c.buffered.size()).sum() >= until.path("records").asInt();
      else if (until.has("partitions"))
        done = cs.stream().flatMap(c -> c.buffered.stream()).map(r -> r.topic() + "-" + r.partition()).distinct().count() >= until.path("partitions").asInt();
      else if (until.has("error")) done = errors.has(until.path("error").asText());
      if (until.path("stopOnError").asBoolean(false) && errors.size() > 0) done = true;
      else if (until.has("stable") && System.currentTimeMillis() - lastCheck > 150) {
        lastCheck = System.currentTimeMillis();
        done = stable(until.path("stable").asText(), cs);
      }
      if (!done && System.currentTimeMillis() > deadline) {
        ObjectNode o = JSON.createObjectNode();
        o.put("timedOut", true);
        states(o, cs, errors);
        return o;
      }
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("timedOut", false);
    states(o, cs, errors);
    return o;
  }

  /**
   * {name, positions: {"topic-p": offset}, timeoutMs}: polls one consumer until each named partition's
   * position reaches its offset, pausing a partition once it has (with max.poll.records=1 nothing
   * overshoots), then resumes them all. Answers the records received.
   */
  private ObjectNode pollTo(JsonNode s) {
    GroupConsumer c = consumer(s);
    Map<TopicPartition, Long> targets = new HashMap<>();
    s.path("positions").properties().forEach(e -> targets.put(parseTp(e.getKey()), e.getValue().asLong()));
    long deadline = System.currentTimeMillis() + s.path("timeoutMs").asLong(30_000);
    ObjectNode errors = JSON.createObjectNode();
    while (true) {
      Set<TopicPartition> reached = new java.util.HashSet<>();
      for (Map.Entry<TopicPartition, Long> t : targets.entrySet())
        if (c.consumer.assignment().contains(t.getKey()) && c.consumer.position(t.getKey()) >= t.getValue()) reached.add(t.getKey());
      c.consumer.pause(reached);
      if (reached.size() == targets.size()) break;
      if (System.currentTimeMillis() > deadline) throw new IllegalStateException("pollTo: positions not reached in time");
      pollInto(c, 50, errors);
    }
    c.consumer.resume(c.consumer.paused());
    ObjectNode o = consumerState(c, Integer.MAX_VALUE);
    o.set("errors", errors);
    return o;
  }

  private void states(ObjectNode o, List<GroupConsumer> cs, ObjectNode errors) {
    ObjectNode per = o.putObject("consumers");
    for (GroupConsumer c : cs) per.set(c.name, consumerState(c, Integer.MAX_VALUE));
    o.set("errors", errors);
  }

  private boolean stable(String group, List<GroupConsumer> cs) throws Exception {
    ConsumerGroupDescription d;
    try {
      d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException) return false; // not created yet
      throw e;
    }
    if (d.groupState() != GroupState.STABLE || d.members().size() != cs.size()) return false;
    Map<String, Set<TopicPartition>> byClient = new HashMap<>();
    for (MemberDescription m : d.members()) {
      Set<TopicPartition> now = m.assignment().topicPartitions();
      if (m.targetAssignment().isPresent() && !m.targetAssignment().get().topicPartitions().equals(now)) return false;
      byClient.put(m.clientId(), now);
    }
    for (GroupConsumer c : cs) {
      Set<TopicPartition> there = byClient.get(c.name); // client.id is the consumer's name
      if (there == null || !there.equals(c.consumer.assignment())) return false;
    }
    return true;
  }

  /** {name, offsets?: {"topic-p": offset}}: commitSync of the given offsets, or of every position. */
  private ObjectNode commit(JsonNode s) {
    GroupConsumer c = consumer(s);
    if (s.has("offsets")) {
      Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
      s.path("offsets").properties().forEach(e -> m.put(parseTp(e.getKey()), new OffsetAndMetadata(e.getValue().asLong())));
      c.consumer.commitSync(m);
    } else {
      c.consumer.commitSync();
    }
    return positions(c);
  }

  private static TopicPartition parseTp(String name) {
    int dash = name.lastIndexOf('-');
    return new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1)));
  }

  /** {name, partition: "topic-p", to: "earliest" | "latest" | {offset} | {timestamp}}. */
  private ObjectNode seek(JsonNode s) {
    GroupConsumer c = consumer(s);
    TopicPartition tp = parseTp(s.path("partition").asText());
    JsonNode to = s.path("to");
    if (to.isObject() && to.has("offset")) c.consumer.seek(tp, to.path("offset").asLong());
    else if (to.isObject() && to.has("timestamp")) {
      seekToTime(c.consumer, tp, to.path("timestamp").asLong());
    } else if ("earliest".equals(to.asText())) c.consumer.seekToBeginning(List.of(tp));
    else c.consumer.seekToEnd(List.of(tp));
    return positions(c);
  }

  private static void seekToTime(KafkaConsumer<String, String> c, TopicPartition tp, long ts) {
    var found = c.offsetsForTimes(Map.of(tp, ts)).get(tp);
    if (found == null) c.seekToEnd(List.of(tp));
    else c.seek(tp, found.offset());
  }

  /** Positions (next offset to fetch) of every assigned partition. */
  private ObjectNode positions(GroupConsumer c) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode pos = o.putObject("positions");
    for (TopicPartition tp : new TreeMap<String, TopicPartition>(mapByName(c.consumer.assignment())).values())
      pos.put(tp.topic() + "-" + tp.partition(), c.consumer.position(tp));
    ConsumerGroupMetadata g = c.consumer.groupMetadata();
    o.put("memberId", g.memberId());
    o.put("generation", g.generationId());
    return o;
  }

  private static Map<String, TopicPartition> mapByName(Set<TopicPartition> tps) {
    Map<String, TopicPartition> m = new HashMap<>();
    for (TopicPartition tp : tps) m.put(tp.topic() + "-" + tp.partition(), tp);
    return m;
  }

  private ObjectNode close(JsonNode s) {
    GroupConsumer c = consumers.remove(s.path("name").asText());
    if (c == null) throw new IllegalArgumentException("no consumer \"" + s.path("name").asText() + "\"");
    c.consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
    return JSON.createObjectNode();
  }

  /** The group's committed offsets, as the coordinator stores them. */
  private ObjectNode committed(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    ObjectNode o = JSON.createObjectNode();
    ObjectNode offs = o.putObject("committed");
    new TreeMap<>(mapByName(m.keySet())).forEach((name, tp) -> {
      OffsetAndMetadata om = m.get(tp);
      if (om == null) offs.putNull(name);
      else offs.put(name, om.offset());
    });
    return o;
  }

  private ObjectNode describeGroup(String group) throws Exception {
    ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
    ObjectNode o = JSON.createObjectNode();
    o.put("group", d.groupId());
    o.put("type", String.valueOf(d.type()));
    o.put("state", String.valueOf(d.groupState()));
    o.put("assignor", d.partitionAssignor());
    d.groupEpoch().ifPresent(e -> o.put("groupEpoch", e));
    ArrayNode ms = o.putArray("members");
    List<MemberDescription> sorted = new ArrayList<>(d.members());
    sorted.sort((a, b) -> a.clientId().compareTo(b.clientId()));
    for (MemberDescription m : sorted) {
      ObjectNode n = ms.addObject();
      n.put("memberId", m.consumerId());
      n.put("clientId", m.clientId());
      m.groupInstanceId().ifPresent(i -> n.put("groupInstanceId", i));
      n.set("assignment", partitionList(m.assignment().topicPartitions()));
      m.targetAssignment().ifPresent(t -> n.set("targetAssignment", partitionList(t.topicPartitions())));
      m.memberEpoch().ifPresent(e -> n.put("memberEpoch", e));
    }
    return o;
  }

  // ---------- client-side assignors, called directly ----------

  /**
   * {strategy: range|roundrobin|sticky|cooperative-sticky, partitions: {topic: n}, members: [{id,
   * topics, owned?, generation?, groupInstanceId?}]}: the Java client's own assignor over that
   * subscription. Member ids are used as they are (the coordinator would add a UUID).
   */
  private ObjectNode assign(JsonNode s) {
    ConsumerPartitionAssignor a;
    switch (s.path("strategy").asText()) {
      case "range":
        a = new RangeAssignor();
        break;
      case "roundrobin":
        a = new RoundRobinAssignor();
        break;
      case "sticky":
        a = new StickyAssignor();
        break;
      case "cooperative-sticky":
        a = new CooperativeStickyAssignor();
        break;
      default:
        throw new IllegalArgumentException("unknown strategy " + s.path("strategy").asText());
    }
    List<PartitionInfo> infos = new ArrayList<>();
    Node node = new Node(0, "localhost", 9092);
    Node[] replicas = {node};
    s.path("partitions").properties().forEach(e -> {
      for (int p = 0; p < e.getValue().asInt(); p++) infos.add(new PartitionInfo(e.getKey(), p, node, replicas, replicas));
    });
    Cluster cluster = new Cluster("c", List.of(node), infos, Set.of(), Set.of());
    Map<String, Subscription> subs = new HashMap<>();
    for (JsonNode m : s.path("members")) {
      List<String> topics = new ArrayList<>();
      m.path("topics").forEach(t -> topics.add(t.asText()));
      List<TopicPartition> owned = new ArrayList<>();
      m.path("owned").forEach(t -> owned.add(parseTp(t.asText())));
      int generation = m.path("generation").asInt(-1);
      Subscription sub = new Subscription(topics, null, owned, generation, Optional.empty());
      if (m.has("groupInstanceId")) sub.setGroupInstanceId(Optional.of(m.path("groupInstanceId").asText()));
      subs.put(m.path("id").asText(), sub);
    }
    var result = a.assign(cluster, new GroupSubscription(subs));
    ObjectNode o = JSON.createObjectNode();
    ObjectNode out = o.putObject("assignment");
    new TreeMap<>(result.groupAssignment()).forEach((member, asg) -> out.set(member, partitionList(asg.partitions())));
    return o;
  }

  // ---------- share groups (KIP-932) ----------

  /** {group, configs: {"share.auto.offset.reset": "earliest", …}}: group configs, as kafka-configs --entity-type groups sets them. */
  private ObjectNode alterGroupConfig(JsonNode s) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.GROUP, s.path("group").asText());
    List<AlterConfigOp> ops = new ArrayList<>();
    s.path("configs").properties().forEach(e -> ops.add(new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue().asText()), AlterConfigOp.OpType.SET)));
    admin.incrementalAlterConfigs(Map.of(r, ops)).all().get();
    return JSON.createObjectNode();
  }

  /** {name, group, topics, configs}: a KafkaShareConsumer with explicit acknowledgement. */
  private ObjectNode newShareConsumer(JsonNode s) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, s.path("group").asText());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, s.path("name").asText());
    p.put("share.acknowledgement.mode", "explicit");
    s.path("configs").properties().forEach(e -> p.put(e.getKey(), e.getValue().asText()));
    KafkaShareConsumer<String, String> c = new KafkaShareConsumer<>(p);
    List<String> topics = new ArrayList<>();
    s.path("topics").forEach(t -> topics.add(t.asText()));
    c.subscribe(topics);
    shareConsumers.put(s.path("name").asText(), c);
    return JSON.createObjectNode();
  }

  /**
   * {name, timeoutMs, minRecords?, ack: ACCEPT|RELEASE|REJECT, acks?: {"p:offset": type}}: polls
   * until records arrive (or the timeout), acknowledges each (acks overrides ack per record), then
   * commitSync. Answers the records with their delivery counts and what the commit returned.
   */
  private ObjectNode sharePoll(JsonNode s) {
    KafkaShareConsumer<String, String> c = shareConsumers.get(s.path("name").asText());
    if (c == null) throw new IllegalArgumentException("no share consumer \"" + s.path("name").asText() + "\"");
    long deadline = System.currentTimeMillis() + s.path("timeoutMs").asLong(10_000);
    ObjectNode o = JSON.createObjectNode();
    ArrayNode recs = o.putArray("records");
    ConsumerRecords<String, String> rs = ConsumerRecords.empty();
    while (System.currentTimeMillis() < deadline) {
      rs = c.poll(Duration.ofMillis(200));
      if (!rs.isEmpty()) break;
    }
    String dflt = s.path("ack").asText("ACCEPT");
    boolean acked = false;
    for (ConsumerRecord<String, String> r : rs) {
      ObjectNode n = recordJson(r);
      String type = s.path("acks").path(r.partition() + ":" + r.offset()).asText(dflt);
      n.put("ack", type);
      recs.add(n);
      // HOLD: not acknowledged now (the lock keeps running); shareAck acknowledges it later.
      if (type.equals("HOLD")) heldShareRecords.computeIfAbsent(s.path("name").asText(), k -> new ArrayList<>()).add(r);
      else {
        c.acknowledge(r, AcknowledgeType.valueOf(type));
        acked = true;
      }
    }
    ObjectNode commit = o.putObject("commit");
    if (acked) c.commitSync(Duration.ofSeconds(10)).forEach((tp, err) -> commit.put(tp.topic() + "-" + tp.partition(), err.map(Throwable::toString).orElse("ok")));
    return o;
  }

  /** {name, ack}: acknowledges the records held by earlier HOLD polls, then commitSync; answers what the commit returned per partition. */
  private ObjectNode shareAck(JsonNode s) {
    String name = s.path("name").asText();
    KafkaShareConsumer<String, String> c = shareConsumers.get(name);
    if (c == null) throw new IllegalArgumentException("no share consumer \"" + name + "\"");
    List<ConsumerRecord<String, String>> held = heldShareRecords.remove(name);
    ObjectNode o = JSON.createObjectNode();
    ObjectNode commit = o.putObject("commit");
    if (held == null) return o;
    for (ConsumerRecord<String, String> r : held) c.acknowledge(r, AcknowledgeType.valueOf(s.path("ack").asText("ACCEPT")));
    c.commitSync(Duration.ofSeconds(10))
        .forEach((tp, err) -> commit.put(tp.topic() + "-" + tp.partition(), err.map(e -> e.getClass().getSimpleName()).orElse("ok")));
    return o;
  }

  private ObjectNode shareClose(JsonNode s) {
    KafkaShareConsumer<String, String> c = shareConsumers.remove(s.path("name").asText());
    if (c == null) throw new IllegalArgumentException("no share consumer \"" + s.path("name").asText() + "\"");
    c.close(Duration.ofSeconds(10));
    return JSON.createObjectNode();
  }

  private ObjectNode describeShareGroup(JsonNode s) throws Exception {
    String group = s.path("group").asText();
    ShareGroupDescription d = admin.describeShareGroups(List.of(group)).all().get().get(group);
    ObjectNode o = JSON.createObjectNode();
    o.put("state", String.valueOf(d.groupState()));
    o.put("groupEpoch", d.groupEpoch());
    ArrayNode ms = o.putArray("members");
    for (ShareMemberDescription m : d.members()) {
      ObjectNode n = ms.addObject();
      n.put("clientId", m.clientId());
      n.set("assignment", partitionList(m.assignment().topicPartitions()));
    }
    var offsets = admin.listShareGroupOffsets(Map.of(group, new ListShareGroupOffsetsSpec())).partitionsToOffsetInfo(group).get();
    ObjectNode start = o.putObject("startOffsets");
    new TreeMap<>(mapByName(offsets.keySet())).forEach((name, tp) -> {
      var info = offsets.get(tp);
      if (info == null) start.putNull(name);
      else start.put(name, info.startOffset());
    });
    return o;
  }
}
