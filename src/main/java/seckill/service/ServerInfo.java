package seckill.service;

/**
 * The server the lab talks to, as the status bar names it.
 *
 * @param maskedUrl its URL with the password replaced by {@code ***}
 * @param version   as {@code INFO server} says
 * @param embedded  an embedded redis-server started for this program
 */
public record ServerInfo(String maskedUrl, String version, boolean embedded) {
}
