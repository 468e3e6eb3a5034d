package seckill.students;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The players of a class room, by name (case aside) and by token; at most {@link #MAX} at once. Thread-safe. */
final class Players {
    static final int MAX = 500;

    /** Why a join was refused. */
    enum Refusal { BAD_NAME, TAKEN, FULL }

    /** A join's player, or why there is none; {@code again} when the player came back with its token. */
    record Joined(Player player, Refusal refusal, boolean again) {
    }

    private final Map<String, Player> byName = new ConcurrentHashMap<>();
    private final Map<String, Player> byToken = new ConcurrentHashMap<>();

    /** A player of that name, or the same player again when {@code token} is its own. */
    synchronized Joined join(String typedName, String token) {
        String name = StudentNames.normalised(typedName);
        if (name == null) {
            return new Joined(null, Refusal.BAD_NAME, false);
        }
        Player there = byName.get(StudentNames.key(name));
        if (there != null) {
            boolean same = token != null && there.token.equals(token);
            return same ? new Joined(there, null, true) : new Joined(null, Refusal.TAKEN, false);
        }
        if (byName.size() >= MAX) {
            return new Joined(null, Refusal.FULL, false);
        }
        Player player = new Player(name, Secrets.token());
        byName.put(StudentNames.key(name), player);
        byToken.put(player.token, player);
        return new Joined(player, null, false);
    }

    /** The player holding that token, or null. */
    Player byToken(String token) {
        return token == null ? null : byToken.get(token);
    }

    /** Sends the player of that name away (its token is no longer good); false when there is none. */
    synchronized Player kick(String name) {
        String normal = StudentNames.normalised(name);
        Player player = normal == null ? null : byName.remove(StudentNames.key(normal));
        if (player != null) {
            byToken.remove(player.token);
        }
        return player;
    }

    int size() {
        return byName.size();
    }

    /** Every player, by name. */
    List<Player> all() {
        List<Player> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(p -> StudentNames.key(p.name)));
        return all;
    }

    /** The players who won in the sale followed now, by the item they hold. */
    List<Player> winners() {
        List<Player> won = new ArrayList<>();
        for (Player p : byName.values()) {
            if (p.won()) {
                won.add(p);
            }
        }
        won.sort(Comparator.comparingLong(Player::rank));
        return won;
    }
}
