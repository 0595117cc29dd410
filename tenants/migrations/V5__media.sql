-- The tenant's media library, and which media each variant carries (in order).
CREATE TABLE media (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_name     VARCHAR(200)  NOT NULL,
    media_type    VARCHAR(20)   NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    width         INT,
    height        INT,
    sha256        CHAR(64)      NOT NULL,
    uploaded_by   VARCHAR(254)  NOT NULL,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT uq_media_sha256 UNIQUE (sha256)
);

CREATE TABLE variant_media (
    id          BIGINT  NOT NULL AUTO_INCREMENT PRIMARY KEY,
    variant_id  BIGINT  NOT NULL,
    media_id    BIGINT  NOT NULL,
    position    INT     NOT NULL,
    CONSTRAINT uq_variant_media UNIQUE (variant_id, media_id),
    CONSTRAINT fk_vm_variant FOREIGN KEY (variant_id) REFERENCES variant (id),
    CONSTRAINT fk_vm_media FOREIGN KEY (media_id) REFERENCES media (id)
);
