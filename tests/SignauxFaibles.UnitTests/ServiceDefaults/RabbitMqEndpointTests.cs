using SignauxFaibles.ServiceDefaults;

namespace SignauxFaibles.UnitTests.ServiceDefaults;

public class RabbitMqEndpointTests
{
    [Fact]
    public void The_uri_path_is_the_virtual_host()
    {
        var e = RabbitMqEndpoint.Parse(new Uri("amqp://sf:s%40cret@broker:5673/sf-tests"));
        Assert.Equal(new RabbitMqEndpoint("broker", 5673, "sf-tests", "sf", "s@cret"), e);
    }

    [Fact]
    public void Defaults_are_port_5672_root_vhost_and_guest()
    {
        var e = RabbitMqEndpoint.Parse(new Uri("amqp://localhost"));
        Assert.Equal(new RabbitMqEndpoint("localhost", 5672, "/", "guest", "guest"), e);
    }

    [Fact]
    public void Other_schemes_are_refused() =>
        Assert.Throws<FormatException>(() => RabbitMqEndpoint.Parse(new Uri("http://localhost:5672")));
}
