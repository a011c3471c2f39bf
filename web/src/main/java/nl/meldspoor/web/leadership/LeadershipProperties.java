package nl.meldspoor.web.leadership;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param boardId the board's id in the reporting-service's organisation (its {@code meldspoor.organisation.board.id});
 *                the staff directory names a board-wide role only "board", so the web must be told which board it serves
 */
@ConfigurationProperties("meldspoor.web.leadership")
public record LeadershipProperties(String boardId) {

    public LeadershipProperties {
        boardId = boardId == null || boardId.isBlank() ? "bestuur-voorbeeld" : boardId;
    }
}
