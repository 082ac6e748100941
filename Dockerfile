# Build stage: the same command the README's first step runs.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

# Runtime: a slim JRE, a non-root user, the database on a volume.
FROM eclipse-temurin:17-jre-jammy
RUN useradd --system --uid 10001 --home /app parallax
WORKDIR /app
COPY --from=build /src/target/parallax.jar /app/parallax.jar
COPY seeds /app/seeds
COPY config /app/config
RUN mkdir -p /app/data && chown -R parallax /app/data
USER parallax
VOLUME ["/app/data"]
ENTRYPOINT ["java", "-jar", "/app/parallax.jar"]
CMD ["digest"]
