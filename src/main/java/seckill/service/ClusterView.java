package seckill.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Redis Cluster as the dashboard shows it, read at one moment: every node, which master holds the sale's slot,
 * and whether that slot is moving. Read from {@code CLUSTER NODES} and each node's {@code INFO stats}.
 *
 * @param nodes      masters first, in address order, each followed by nothing else: the order CLUSTER NODES
 *                   gives, sorted so that a redraw does not shuffle the rows
 * @param saleSlot   the slot of the sale's hash tag
 * @param saleMaster the address of the master that holds it, or null while none does (a failover)
 * @param saleMoving true while the slot is being migrated (MIGRATING on its master)
 */
public record ClusterView(List<ClusterNode> nodes, int saleSlot, String saleMaster, boolean saleMoving) {
    public ClusterView {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node.
     *
     * @param id        the node's id
     * @param address   host:port
     * @param master    a master (else a replica)
     * @param masterId  a replica's master, else null
     * @param failing   flagged {@code fail} or {@code fail?}: down, or suspected down
     * @param slots     slots it serves
     * @param opsPerSec its {@code instantaneous_ops_per_sec}; -1 when it did not answer
     * @param holdsSale it is the master of the sale's slot
     */
    public record ClusterNode(String id, String address, boolean master, String masterId, boolean failing,
                              int slots, long opsPerSec, boolean holdsSale) {
    }

    /**
     * Reads {@code CLUSTER NODES}' text.
     *
     * @param opsPerSec each node's figure by address; a node missing is shown as -1
     */
    public static ClusterView parse(String clusterNodes, int saleSlot, Map<String, Long> opsPerSec) {
        List<ClusterNode> nodes = new ArrayList<>();
        String saleMaster = null;
        boolean moving = false;
        for (String line : clusterNodes.split("\r?\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 8) {
                continue;
            }
            String address = address(f[1]);
            String flags = f[2];
            boolean master = flags.contains("master");
            int slots = 0;
            boolean holds = false;
            for (int i = 8; i < f.length; i++) {
                String range = f[i];
                if (range.startsWith("[")) {
                    // "[slot->-id]": migrating away from this node; "[slot-<-id]": importing
                    if (range.contains("->-") && slotOf(range.substring(1, range.indexOf('-'))) == saleSlot) {
                        moving = true;
                    }
                    continue;
                }
                int dash = range.indexOf('-');
                int from = slotOf(dash < 0 ? range : range.substring(0, dash));
                int to = dash < 0 ? from : slotOf(range.substring(dash + 1));
                slots += to - from + 1;
                holds |= saleSlot >= from && saleSlot <= to;
            }
            boolean failing = flags.contains("fail");
            if (holds && master && !failing) {
                saleMaster = address;
            }
            nodes.add(new ClusterNode(f[0], address, master, "-".equals(f[3]) ? null : f[3], failing, slots,
                    opsPerSec.getOrDefault(address, -1L), holds && master && !failing));
        }
        nodes.sort((a, b) -> a.master() != b.master() ? (a.master() ? -1 : 1) : a.address().compareTo(b.address()));
        return new ClusterView(nodes, saleSlot, saleMaster, moving);
    }

    /** "127.0.0.1:7001@17001,host" → "127.0.0.1:7001". */
    private static String address(String field) {
        int at = field.indexOf('@');
        String a = at < 0 ? field : field.substring(0, at);
        int comma = a.indexOf(',');
        return comma < 0 ? a : a.substring(0, comma);
    }

    private static int slotOf(String text) {
        return Integer.parseInt(text.trim());
    }

    /** The node at that address, or null. */
    public ClusterNode node(String address) {
        return nodes.stream().filter(n -> n.address().equals(address)).findFirst().orElse(null);
    }

    /** Reads the operations per second from a node's {@code INFO stats}; -1 when it has none. */
    static long opsPerSec(String infoStats) {
        return infoStats.lines().filter(l -> l.startsWith("instantaneous_ops_per_sec:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(-1);
    }
}
