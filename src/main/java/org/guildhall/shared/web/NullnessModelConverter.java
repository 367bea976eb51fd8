package org.guildhall.shared.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One rule for the whole API description, taken from the code's own null markers (JSpecify): a
 * property of one of our records is {@code nullable} exactly when its component is
 * {@code @Nullable}, and {@code required} exactly when it is not. The records are what Jackson
 * reads and writes, so the description says what the server does: a {@code @Nullable} value is
 * sent as {@code null}; a primitive or non-null one must be sent and is always answered.
 */
@Component
class NullnessModelConverter implements ModelConverter {

	@Override
	public @Nullable Schema resolve(io.swagger.v3.core.converter.AnnotatedType type, ModelConverterContext context,
			Iterator<ModelConverter> chain) {
		if (!chain.hasNext()) {
			return null;
		}
		Schema<?> schema = chain.next().resolve(type, context, chain);
		if (schema == null) {
			return null;
		}
		Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
		if (raw == null || raw.getPackageName().isEmpty() || !raw.getPackageName().startsWith("org.guildhall")
				|| raw.isEnum()) {
			return schema;
		}
		Schema<?> model = schema;
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			model = context.getDefinedModels().get(name);
		}
		if (model != null && model.getProperties() != null) {
			apply(model, properties(raw));
		}
		return schema;
	}

	/** Name → may be null, for what Jackson writes and reads of this type: record components, else instance fields. */
	private static Map<String, Boolean> properties(Class<?> type) {
		Map<String, Boolean> nullable = new LinkedHashMap<>();
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				nullable.put(component.getName(), isNullable(component.getAnnotatedType(), component));
			}
			return nullable;
		}
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			for (Field field : c.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					nullable.putIfAbsent(field.getName(), isNullable(field.getAnnotatedType(), field));
				}
			}
		}
		return nullable;
	}

	private static boolean isNullable(AnnotatedType type, AnnotatedElement element) {
		return type.isAnnotationPresent(Nullable.class) || element.isAnnotationPresent(Nullable.class);
	}

	@SuppressWarnings({"rawtypes", "unchecked"})
	private static void apply(Schema<?> model, Map<String, Boolean> nullable) {
		List<String> required = new ArrayList<>();
		Map<String, Schema> properties = model.getProperties();
		for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
			Boolean mayBeNull = nullable.get(property.getKey());
			if (mayBeNull == null) {
				continue;
			}
			Schema value = property.getValue();
			if (mayBeNull) {
				if (value.get$ref() != null) {
					// OpenAPI 3.0 ignores keywords beside a $ref: wrap it to say it may be null
					Schema wrapped = new ComposedSchema().allOf(List.of(new Schema<>().$ref(value.get$ref())));
					wrapped.setNullable(true);
					wrapped.setDescription(value.getDescription());
					properties.put(property.getKey(), wrapped);
				}
				else {
					value.setNullable(true);
				}
			}
			else {
				required.add(property.getKey());
				value.setNullable(null);
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
	}
}
