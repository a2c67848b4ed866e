// Built-in RabbitMQ scenarios where a node dies: a quorum queue's leader, a classic queue's home node,
// and publishers with and without confirms. Times are scaled down (RabbitMQ's leader election and the
// clients' 5 s reconnect are as modelled; the 4.3 consumer_disconnected_timeout is set short here).
import type { Def } from './types';

export const rabbitFailureScenarios: Def[] = [
  {
    id: 'quorum-leader-dies',
    title: 'A quorum queue’s leader node dies',
    explanation:
      'A quorum queue keeps its messages on three nodes with Raft: the leader writes each one, and it is committed (and confirmed to the publisher) once a majority has it. When the leader’s node dies, the two live members elect a new leader and carry on: nothing that was confirmed is lost, and the unacked messages of the consumer that died with the node are delivered again.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Three members, one leader',
        text: 'orders has members on nodes 1, 2 and 3; node 1 leads. checkout (connected to node 2) publishes with confirms: each basic.ack comes once two of three members have written the message.',
      },
      {
        time: 6000,
        title: 'Node 1 dies',
        text: 'The leader is gone, and with it worker-1’s connection. Until a new leader is elected the queue confirms and delivers nothing; checkout’s channel holds its publishes.',
      },
      {
        time: 7000,
        title: 'Node 2 is elected',
        text: 'The live member with the longest log leads (term 2). The held publishes are written and committed; deliveries resume. Nothing checkout saw confirmed is missing.',
      },
      {
        time: 9000,
        title: 'worker-1’s messages come back',
        text: 'RabbitMQ 4.3 keeps a lost node’s consumer’s unacked messages for x-consumer-disconnected-timeout (60 s by default, 3 s here), then returns them, redelivered, to worker-3. 4.0–4.2 returned them at once.',
      },
      {
        time: 16000,
        title: 'Node 1 returns as a follower',
        text: 'It catches up from the new leader; the queue has three members again and could lose another node.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      rabbitmq: {
        nodes: 3,
        queues: [{ name: 'orders', type: 'quorum', homeNode: 1, consumerDisconnectedTimeoutMs: 3000 }],
        publishers: [{ id: 'checkout', routingKeys: ['orders'], ratePerSec: 4, count: 64, confirms: true, persistent: true, node: 2 }],
        consumers: [
          { id: 'worker-1', queue: 'orders', node: 1, prefetchCount: 4, processingMs: 800 },
          { id: 'worker-3', queue: 'orders', node: 3, prefetchCount: 4, processingMs: 500 },
        ],
      },
      interventions: [
        { time: 6000, intervention: { type: 'rabbitmq.killNode', node: 1 } },
        { time: 16000, intervention: { type: 'rabbitmq.startNode', node: 1 } },
      ],
    },
  },
  {
    id: 'classic-node-dies',
    title: 'A classic queue’s node dies',
    explanation:
      'A classic queue lives on one node and is not replicated (RabbitMQ 4.0 removed mirroring), so while that node is down the queue is unavailable: its consumer is cancelled and publishes to it are lost. When the node is back, a durable queue returns with the persistent messages it had written to disk; transient messages are gone, even those the broker had confirmed.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Persistent and transient',
        text: 'invoices is a durable classic queue on node 2. ledger publishes persistent messages (confirmed once on disk), audit transient ones (confirmed once in memory); both are connected to node 1. billing is slow, so a backlog builds.',
      },
      {
        time: 6000,
        title: 'Node 2 dies',
        text: 'The queue is unavailable: billing gets basic.cancel, and every publish to invoices is lost; in confirm mode the broker nacks it, so the publishers know. The transient messages it held were only in memory.',
      },
      {
        time: 12000,
        title: 'Node 2 is back',
        text: 'invoices returns with its persistent messages (those billing had not acked come back redelivered); the transient ones are gone. audit’s ledger shows messages confirmed and lost.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 25_000,
      rabbitmq: {
        nodes: 3,
        queues: [{ name: 'invoices', homeNode: 2, durable: true }],
        publishers: [
          { id: 'ledger', routingKeys: ['invoices'], ratePerSec: 3, count: 60, persistent: true, confirms: true, node: 1 },
          { id: 'audit', routingKeys: ['invoices'], ratePerSec: 3, count: 60, confirms: true, node: 1, startMs: 150 },
        ],
        consumers: [{ id: 'billing', queue: 'invoices', node: 1, prefetchCount: 2, processingMs: 450 }],
      },
      interventions: [
        { time: 6000, intervention: { type: 'rabbitmq.killNode', node: 2 } },
        { time: 12000, intervention: { type: 'rabbitmq.startNode', node: 2 } },
      ],
    },
  },
  {
    id: 'publisher-confirms',
    title: 'Publisher confirms: loss or duplicates',
    explanation:
      'Three publishers send to the same quorum queue while its nodes fail: without confirms a publisher never learns that a message was lost. With confirms it learns which messages were not confirmed, and if it resends them nothing is lost, but a message the queue had already stored is stored twice, so the consumer must deduplicate.',
    lanes: ['rabbitmq'],
    chapters: [
      {
        time: 0,
        title: 'Three publishers',
        text: 'fire-and-forget has no confirms; confirms waits for basic.ack but never resends; resend publishes again what is not confirmed within 2 s. All are connected to node 1, which leads payments.',
      },
      {
        time: 3000,
        title: 'Nodes 2 and 3 die',
        text: 'payments has no majority: node 1 keeps writing, but nothing is committed, confirmed or delivered. resend starts resending.',
      },
      {
        time: 6000,
        title: 'Node 1 dies too',
        text: 'Every connection is gone. What node 1 wrote since 3 s was never on a majority.',
      },
      {
        time: 7000,
        title: 'Nodes 2 and 3 are back',
        text: 'They elect a leader (8 s) without node 1’s last entries: those messages are lost. fire-and-forget never finds out; confirms knows they are in doubt; resend sends them again when it reconnects (11 s).',
      },
      {
        time: 15000,
        title: 'No majority again',
        text: 'Nodes 1 and 3 die. The publishers are on node 2 now and keep publishing; resend resends what is not confirmed in time, so the queue holds both copies.',
      },
      {
        time: 19000,
        title: 'Duplicates',
        text: 'Node 3 is back: the majority commits everything it held, originals and resends alike. The consumer gets resend’s messages twice; the ledger counts the duplicates.',
      },
    ],
    scenario: {
      version: 1,
      durationMs: 30_000,
      rabbitmq: {
        nodes: 3,
        queues: [{ name: 'payments', type: 'quorum', homeNode: 1 }],
        publishers: [
          { id: 'fire-and-forget', routingKeys: ['payments'], ratePerSec: 4, count: 100, node: 1 },
          { id: 'confirms', routingKeys: ['payments'], ratePerSec: 4, count: 100, confirms: true, node: 1, startMs: 80 },
          {
            id: 'resend',
            routingKeys: ['payments'],
            ratePerSec: 4,
            count: 100,
            confirms: true,
            resendAfterMs: 2000,
            node: 1,
            startMs: 160,
          },
        ],
        consumers: [{ id: 'payer', queue: 'payments', node: 2, prefetchCount: 10, processingMs: 40 }],
      },
      interventions: [
        { time: 3000, intervention: { type: 'rabbitmq.killNode', node: 2 } },
        { time: 3000, intervention: { type: 'rabbitmq.killNode', node: 3 } },
        { time: 6000, intervention: { type: 'rabbitmq.killNode', node: 1 } },
        { time: 7000, intervention: { type: 'rabbitmq.startNode', node: 2 } },
        { time: 7000, intervention: { type: 'rabbitmq.startNode', node: 3 } },
        { time: 12000, intervention: { type: 'rabbitmq.startNode', node: 1 } },
        { time: 15000, intervention: { type: 'rabbitmq.killNode', node: 1 } },
        { time: 15000, intervention: { type: 'rabbitmq.killNode', node: 3 } },
        { time: 19000, intervention: { type: 'rabbitmq.startNode', node: 3 } },
        { time: 22000, intervention: { type: 'rabbitmq.startNode', node: 1 } },
      ],
    },
  },
];
