-- Every measured post belongs to a publication again. The key was dropped because, on MariaDB, its check waited on a
-- lock that the same transaction held on another connection: JPA's commit-time writes went to a connection of their
-- own (ADR 0015). With one connection per transaction the check sees the transaction's own row.
DELETE FROM post_performance WHERE publication_id NOT IN (SELECT id FROM publication);
ALTER TABLE post_performance ADD CONSTRAINT fk_post_performance_publication
    FOREIGN KEY (publication_id) REFERENCES publication (id);
