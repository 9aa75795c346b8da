# Builds the runnable jar with the Maven wrapper, then runs it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 gigstream && mkdir /data && chown gigstream /data
USER gigstream
COPY --from=build /src/api/target/gigstream.jar /app/gigstream.jar
ENV GIGSTREAM_DATA_DIR=/data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/gigstream.jar"]
