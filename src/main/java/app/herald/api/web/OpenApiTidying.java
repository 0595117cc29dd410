package app.herald.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Tidies the OpenAPI document Payara generates from the API's resources, so that a client generated from it reads
 * what the API writes. Payara writes every attribute of a {@code @Schema} annotation it reads, defaults included, and
 * some defaults say the opposite of the truth ({@code maxProperties: 0} on an object with properties); it describes
 * a {@code long} path parameter as any number; it lists a tag twice when two resources share it; and it names the
 * server it happens to run on.
 */
public class OpenApiTidying implements OASFilter {

    @Override
    public Schema filterSchema(Schema schema) {
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        // Payara takes a @Schema's format but keeps the type of the Java field (an Instant, or a file's bytes, is an
        // "object").
        String format = schema.getFormat();
        if (("date-time".equals(format) || "date".equals(format) || "binary".equals(format))
                && schema.getType() == Schema.SchemaType.OBJECT) {
            schema.setType(Schema.SchemaType.STRING);
        }
        if ("int64".equals(format) && schema.getType() == Schema.SchemaType.NUMBER) {
            schema.setType(Schema.SchemaType.INTEGER);
        }
        return schema;
    }

    /** Path parameters are ids: whole numbers. */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() == Parameter.In.PATH && schema != null
                && schema.getType() == Schema.SchemaType.NUMBER && schema.getFormat() == null) {
            schema.setType(Schema.SchemaType.INTEGER);
            schema.setFormat("int64");
        }
        return parameter;
    }

    /**
     * The document describes the API wherever it runs: no server address of the node that wrote it. An array of a
     * named schema comes out with that schema written out in full as its items: it becomes a reference to it, so that
     * a generated client has one class for it.
     */
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(new ArrayList<>());
        if (openAPI.getTags() != null) {
            // Two resources under one tag make Payara list the tag twice, which the specification forbids.
            Map<String, Tag> once = new LinkedHashMap<>();
            openAPI.getTags().forEach(tag -> once.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new ArrayList<>(once.values()));
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                || openAPI.getPaths() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(path -> path.getOperations().values().stream())
                .filter(operation -> operation.getResponses() != null)
                .flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().getMediaTypes().values().stream())
                .filter(media -> media.getSchema() != null)
                .forEach(media -> {
                    Schema schema = media.getSchema();
                    if (isArrayOfCopies(schema)) {
                        nameOf(schema.getItems(), named).ifPresent(name -> schema.setItems(reference(name)));
                    } else {
                        nameOf(schema, named).ifPresent(name -> media.setSchema(reference(name)));
                    }
                });
        // The same for a list inside a named schema (a summary's days).
        named.values().stream().filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(OpenApiTidying::isArrayOfCopies)
                .forEach(list -> nameOf(list.getItems(), named).ifPresent(name -> list.setItems(reference(name))));
    }

    private static boolean isArrayOfCopies(Schema schema) {
        return schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() != null;
    }

    /** The component a schema written out in full is a copy of: the one with the same properties. */
    private static Optional<String> nameOf(Schema schema, Map<String, Schema> named) {
        if (schema.getRef() != null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return Optional.empty();
        }
        return named.entrySet().stream().filter(e -> e.getValue().getProperties() != null
                && e.getValue().getProperties().keySet().equals(schema.getProperties().keySet()))
                .map(Map.Entry::getKey).findFirst();
    }

    private static Schema reference(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
